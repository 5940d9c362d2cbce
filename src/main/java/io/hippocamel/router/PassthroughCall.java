package io.hippocamel.router;

/** A request under an upstream that is not a chat call (e.g. GET /models): forwarded as it came. */
public record PassthroughCall(ForwardRequest forward, byte[] body) {
}
