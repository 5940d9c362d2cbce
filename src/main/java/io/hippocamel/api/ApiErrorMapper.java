package io.hippocamel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hippocamel.core.ConflictException;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.embed.EmbeddingException;
import io.hippocamel.search.InvalidFilterException;
import io.hippocamel.tenancy.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.StreamCacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one error handler: maps any exception to a status and a {@code {"error","details"}} body. Unexpected
 * exceptions are logged with their stack trace here and answered with a generic 500, never with the trace.
 */
public class ApiErrorMapper implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorMapper.class);

    private final JsonResponseWriter writer;

    public ApiErrorMapper(JsonResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        writer.write(exchange.getMessage(), toResponse(e));
    }

    static ApiResponse toResponse(Throwable e) {
        if (e instanceof ApiException api) {
            return error(api.status(), api.getMessage(), api.details());
        }
        if (e instanceof InvalidRequestException invalid) {
            return toResponse(ApiException.badRequest(invalid.getMessage()));
        }
        if (e instanceof NotFoundException) {
            return error(404, e.getMessage(), null);
        }
        if (e instanceof ConflictException) {
            return error(409, "Conflict", e.getMessage());
        }
        if (e instanceof InvalidFilterException) {
            return error(400, "Invalid filters", e.getMessage());
        }
        if (e instanceof StreamCacheException) {
            // platform-http hands the body over as a reader that failed, e.g. on bytes that are not UTF-8
            return error(400, "Unreadable request body", "the request body must be UTF-8 encoded JSON");
        }
        if (e instanceof EmbeddingException) {
            LOG.warn("embedding failed while serving a request: {}", e.getMessage());
            return error(503, "Embedding service unavailable", e.getMessage());
        }
        LOG.error("unexpected error serving a request", e);
        return error(500, "Internal server error", "see the server log");
    }

    static ApiResponse error(int status, String error, String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (details != null) {
            body.put("details", details);
        }
        return new ApiResponse(status, body);
    }
}
