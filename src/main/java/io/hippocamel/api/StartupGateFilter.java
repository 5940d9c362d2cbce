package io.hippocamel.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server accepts connections a few seconds before the Camel routes behind every endpoint have started;
 * until then requests get 503 with Retry-After (which clients and SDKs retry) instead of a misleading 404.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupGateFilter extends OncePerRequestFilter {

    private final ObjectProvider<CamelContext> camel;
    private volatile boolean open;

    public StartupGateFilter(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open) {
            CamelContext context = camel.getIfAvailable();
            open = context != null && context.isStarted();
        }
        if (open) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"Starting\",\"details\":\"the server is starting; retry shortly\"}");
    }
}
