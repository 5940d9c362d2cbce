package io.hippocamel.core;

/** The request clashes with the current state, e.g. a customId already taken (the API answers 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
