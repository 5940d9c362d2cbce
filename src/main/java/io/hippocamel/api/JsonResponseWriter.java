package io.hippocamel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Last step of every API route: writes the {@link ApiResponse} body as JSON with its status code. */
public class JsonResponseWriter implements Processor {

    private final ObjectMapper json;

    public JsonResponseWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        write(exchange.getMessage(), exchange.getMessage().getBody(ApiResponse.class));
    }

    void write(Message message, ApiResponse response) throws JsonProcessingException {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        if (response.body() == null) {
            message.setBody(null);
            return;
        }
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(json.writeValueAsBytes(response.body()));
    }
}
