package io.hippocamel.memory;

/**
 * What {@link MemoryFactStore#forget} did.
 *
 * @param outcome what happened
 * @param memory  the memory as it is now (forgotten), or null when not found
 */
public record ForgetResult(Outcome outcome, Memory memory) {

    public enum Outcome {
        /** It was remembered and is forgotten now. */
        FORGOTTEN,
        /** It was forgotten (or expired) already: the API answers 409. */
        ALREADY_FORGOTTEN,
        /** No such memory in scope: the API answers 404. */
        NOT_FOUND
    }
}
