package dev.orderflow.platform.rest;

import dev.orderflow.platform.json.JsonFactory;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands RESTEasy's JSON-B provider the application's one {@link Jsonb}. Without a resolver the provider builds a new
 * instance for every entity it reads or writes (a service-loader scan of module jars plus Yasson's introspection of the
 * type), which was half of the CPU of a simple GET.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return JsonFactory.jsonb();
    }
}
