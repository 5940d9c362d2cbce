package io.hippocamel.router;

/** One conversation turn as plain text: role (user, assistant, system, tool) and the text of its content. */
public record Turn(String role, String text) {
}
