package dev.orderflow.platform.rest;

import dev.orderflow.platform.json.JsonFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Hands RESTEasy's JSON-P provider one reader factory instead of a provider lookup per request body. */
@Provider
public class JsonReaders implements ContextResolver<JsonReaderFactory> {

    @Override
    public JsonReaderFactory getContext(Class<?> type) {
        return JsonFactory.readers();
    }
}
