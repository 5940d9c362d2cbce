package io.hippocamel.api;

import io.hippocamel.tenancy.ApiKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.HippocamelConstants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the Bearer key of every Memory API request before anything reads its body: Spring parses multipart
 * uploads and platform-http reads bodies before a route's {@link Authenticator} runs, so without this an anonymous
 * caller could make the server take in a whole upload just to be told 401. The routes still resolve the tenant.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ObjectMapper json;

    public ApiKeyFilter(ApiKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v3/") || path.startsWith("/v4/")) || HippocamelConstants.isRouterPath(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HippocamelConstants.AUTHORIZATION);
        if (keys.tenantFor(Authenticator.bearerToken(header)).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Unauthorized");
        body.put("details", Authenticator.missingKeyDetails(header));
        response.setStatus(401);
        response.setContentType("application/json");
        // the unread body is not worth keeping the connection for
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), body);
        response.flushBuffer();
    }
}
