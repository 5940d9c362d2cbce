package io.hippocamel.core;

/** The named thing does not exist in the caller's tenant (the API answers 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found", null, false, false);
    }
}
