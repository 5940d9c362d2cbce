package io.hippocamel.api;

import io.hippocamel.ingest.NewDocument;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Reads the multipart form of POST /v3/documents/file (already parsed by Spring's multipart support) into a
 * {@link MultipartForm}: 415 when the request is not multipart, 400 without a file, 413 over the size limit.
 */
public class MultipartReader implements Processor {

    private final long maxFileBytes;

    public MultipartReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.getMessage() instanceof PlatformHttpMessage m ? m.getRequest() : null;
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new ApiException(415, "Unsupported media type",
                    "upload the file as multipart/form-data with a 'file' field");
        }
        MultipartFile file = multipart.getFile("file");
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("the multipart field 'file' is required and must not be empty");
        }
        if (file.getSize() > maxFileBytes) {
            throw new ApiException(413, "File too large", "files may be at most " + maxFileBytes + " bytes");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        multipart.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                fields.put(name, values[0]);
            }
        });
        String mimeType = fields.getOrDefault("mimeType", file.getContentType());
        exchange.getMessage().setBody(new MultipartForm(fields,
                new NewDocument.FileUpload(file.getBytes(), file.getOriginalFilename(), mimeType)));
    }
}
