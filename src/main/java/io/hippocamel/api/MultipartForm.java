package io.hippocamel.api;

import io.hippocamel.ingest.NewDocument;
import java.util.Map;

/** A parsed multipart upload: its text fields and its one file. */
public record MultipartForm(Map<String, String> fields, NewDocument.FileUpload file) {
}
