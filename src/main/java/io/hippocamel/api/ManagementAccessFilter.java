package io.hippocamel.api;

import io.hippocamel.tenancy.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot's management endpoints need an API key, except health (status only), which load balancers and
 * orchestrators call anonymously: metrics, env or beans exposed in the configuration never become public.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ManagementAccessFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final String basePath;

    public ManagementAccessFilter(ApiKeys keys,
                                  @Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
        this.keys = keys;
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        if (this.basePath.isEmpty()) {
            // endpoints at the root would sit among the API's own paths
            throw new IllegalStateException("management.endpoints.web.base-path must name a folder such as /actuator");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded, normalised path (no ../, no ;params), so an encoded variant cannot slip past
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean management = path.equals(basePath) || path.startsWith(basePath + "/");
        String health = basePath + "/health";
        return !management || path.equals(health) || path.startsWith(health + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()) : null;
        if (keys.tenantFor(token).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"Unauthorized\",\"details\":\"" + (header == null
                ? "management endpoints need an Authorization: Bearer <api key> header" : "Invalid API key") + "\"}");
    }
}
