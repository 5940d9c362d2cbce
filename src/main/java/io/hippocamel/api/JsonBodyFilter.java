package io.hippocamel.api;

import io.hippocamel.HippocamelConstants;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Memory API takes JSON bodies (and multipart for file uploads): any other body type is answered 415 here,
 * before the HTTP binding would try to parse, say, a JSON body sent as a form ({@code curl -d} without a content
 * type) and fail with a 500. Router paths are not touched: they forward whatever the client sends.
 */
@Component
public class JsonBodyFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public JsonBodyFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean api = path.startsWith("/v3/") || path.startsWith("/v4/");
        return !api || HippocamelConstants.isRouterPath(path) || request.getContentType() == null
                || request.getContentLengthLong() == 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType().toLowerCase(Locale.ROOT);
        boolean upload = request.getRequestURI().endsWith("/file");
        boolean accepted = upload ? type.startsWith("multipart/form-data") : isJson(type);
        if (accepted) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Unsupported media type");
        body.put("details", upload ? "upload the file as multipart/form-data with a 'file' field"
                : "send the request body as JSON with Content-Type: application/json (got " + type + ")");
        response.setStatus(415);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), body);
    }

    private static boolean isJson(String type) {
        String mime = type.split(";", 2)[0].strip();
        return mime.equals("application/json") || mime.endsWith("+json") || mime.equals("text/json");
    }
}
