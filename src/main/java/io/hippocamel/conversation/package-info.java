/**
 * Conversations as memories: each conversation is one document of its user's container tag holding the transcript,
 * appended to turn by turn. Written by the Memory Router and by {@code POST /v4/conversations}.
 */
package io.hippocamel.conversation;
