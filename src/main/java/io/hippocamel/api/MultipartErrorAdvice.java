package io.hippocamel.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart bodies are parsed by Spring before any route sees them: a body over the multipart limit is a 413 and a
 * malformed one (no boundary, truncated) a 400, both with the API's JSON error body instead of a 500 or no body.
 */
@RestControllerAdvice
public class MultipartErrorAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return error(413, "File too large", "the request is larger than the upload limit");
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Map<String, Object>> malformed(MultipartException e) {
        return error(400, "Malformed multipart body",
                "send multipart/form-data with a boundary parameter and a complete body");
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String error, String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("details", details);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
