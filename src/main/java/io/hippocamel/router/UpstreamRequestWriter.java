package io.hippocamel.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.HippocamelConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Prepares the upstream call: exactly the forwardable headers, the validated URL, the method and the body bytes. */
public class UpstreamRequestWriter implements Processor {

    private final ObjectMapper json;

    public UpstreamRequestWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        ForwardRequest forward;
        byte[] bytes;
        if (body instanceof ChatCall call) {
            exchange.setProperty(HippocamelConstants.ROUTER_CALL, call);
            forward = call.forward();
            bytes = json.writeValueAsBytes(call.body());
        } else {
            PassthroughCall passthrough = (PassthroughCall) body;
            forward = passthrough.forward();
            bytes = passthrough.body();
        }
        message.removeHeaders("*");
        forward.headers().forEach((name, values) -> message.setHeader(name, values.size() == 1 ? values.get(0)
                : values));
        message.setHeader(Exchange.HTTP_METHOD, forward.method());
        message.setHeader(Exchange.HTTP_URI, forward.upstream().toString());
        message.setBody(bytes.length == 0 ? null : bytes);
    }
}
