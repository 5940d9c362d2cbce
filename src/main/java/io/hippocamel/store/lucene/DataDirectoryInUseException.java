package io.hippocamel.store.lucene;

import java.nio.file.Path;

/** Start-up found the store's folder locked by another process (or another store in this one): one clear line. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path lockFile;

    public DataDirectoryInUseException(Path directory, Path lockFile) {
        super("Data directory " + directory + " is in use by another Hippocamel process (lock file " + lockFile
                + "); stop that process or point hippocamel.data-dir at another folder");
        this.lockFile = lockFile;
    }

    public Path lockFile() {
        return lockFile;
    }
}
