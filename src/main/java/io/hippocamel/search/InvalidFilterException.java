package io.hippocamel.search;

/** A metadata filter that does not follow the grammar or its limits (the API answers 400). */
public class InvalidFilterException extends RuntimeException {

    public InvalidFilterException(String message) {
        super(message, null, false, false);
    }
}
