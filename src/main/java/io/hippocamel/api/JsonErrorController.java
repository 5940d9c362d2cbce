package io.hippocamel.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Spring's error page, always as the API's {@code {"error","details"}} JSON (Spring Boot's own one answers HTML to
 * browsers and 500 {@code "None"} when {@code /error} is requested directly, which is a 404 here).
 */
@RestController
public class JsonErrorController implements ErrorController {

    private final ErrorAttributes attributes;

    public JsonErrorController(ErrorAttributes attributes) {
        this.attributes = attributes;
    }

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "Not Found");
            body.put("details", "no endpoint at " + request.getRequestURI());
            return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        Map<String, Object> body = attributes.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults());
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
