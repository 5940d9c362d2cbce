package io.hippocamel.store.lucene;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a locked data directory at start-up as its one-line reason instead of Spring's chain of stack traces. */
public class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Hippocamel process using it, or set hippocamel.data-dir to another folder.", cause);
    }
}
