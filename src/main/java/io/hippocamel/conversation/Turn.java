package io.hippocamel.conversation;

/** One conversation turn as plain text: role (user, assistant, system, tool) and the text of its content. */
public record Turn(String role, String text) {
}
