package io.hippocamel.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors raised before a request reaches a route (unknown path, wrong method, upload over the multipart limit)
 * get the API's {@code {"error","details"}} shape too, never an HTML page or a stack trace.
 */
@Component
public class JsonErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> spring = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        Object status = spring.get("status");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", spring.getOrDefault("error", "Error"));
        out.put("details", details(status, spring.get("path")));
        out.put("status", status);
        return out;
    }

    private static String details(Object status, Object path) {
        if (Integer.valueOf(404).equals(status)) {
            return "no endpoint at " + path;
        }
        if (Integer.valueOf(405).equals(status)) {
            return "method not allowed on " + path;
        }
        if (Integer.valueOf(413).equals(status)) {
            return "the request is larger than the upload limit";
        }
        return "request to " + path + " failed";
    }
}
