package io.hippocamel.tenancy;

/** A request value that breaks one of the shared {@link RequestRules}; the message names the field. */
public class InvalidRequestException extends IllegalArgumentException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
