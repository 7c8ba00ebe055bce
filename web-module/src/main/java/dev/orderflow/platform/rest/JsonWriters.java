package dev.orderflow.platform.rest;

import dev.orderflow.platform.json.JsonFactory;
import jakarta.json.JsonWriterFactory;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Hands RESTEasy's JSON-P provider one writer factory instead of a provider lookup per response. */
@Provider
public class JsonWriters implements ContextResolver<JsonWriterFactory> {

    @Override
    public JsonWriterFactory getContext(Class<?> type) {
        return JsonFactory.writers();
    }
}
