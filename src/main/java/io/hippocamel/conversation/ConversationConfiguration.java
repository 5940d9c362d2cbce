package io.hippocamel.conversation;

import io.hippocamel.ingest.DocumentService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Conversations, shared by the API and the router. */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    @Bean
    ConversationService conversationService(DocumentService documents) {
        return new ConversationService(documents);
    }
}
