package io.hippocamel.connector;

/** The item disappeared (404, unshared) between listing and download: the sync treats it as deleted. */
public class ItemGoneException extends RuntimeException {

    public ItemGoneException(String sourceId) {
        super("source item " + sourceId + " is gone", null, false, false);
    }
}
