package io.hippocamel.camel;

/**
 * A {@code memory:} endpoint option, header or body that breaks the Memory API's rules; the message names the
 * option or header. Nothing was stored or changed.
 */
public class InvalidMemoryRequestException extends IllegalArgumentException {

    public InvalidMemoryRequestException(String message) {
        super(message);
    }
}
