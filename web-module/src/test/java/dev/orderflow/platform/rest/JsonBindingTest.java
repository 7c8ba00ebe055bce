package dev.orderflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.orderflow.platform.json.JsonFactory;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBindingTest {

    @Test
    void servesOneJsonbInstanceForEveryTypeTheRestLayerWrites() {
        var binding = new JsonBinding();

        assertSame(JsonFactory.jsonb(), binding.getContext(Problem.class));
        assertSame(binding.getContext(Problem.class), binding.getContext(List.class));
        assertSame(binding.getContext(String.class), new JsonBinding().getContext(Problem.class));
    }

    @Test
    void isRegisteredAsAProviderLikeTheJsonPFactories() {
        for (Class<?> resolver : List.of(JsonBinding.class, JsonReaders.class, JsonWriters.class)) {
            assertNotNull(resolver.getAnnotation(Provider.class), resolver.getName());
        }
        assertSame(JsonFactory.readers(), new JsonReaders().getContext(Object.class));
        assertSame(JsonFactory.writers(), new JsonWriters().getContext(Object.class));
    }

    @Test
    void theSharedInstanceWritesTheApisRecords() {
        assertEquals("{\"detail\":\"d\",\"errors\":[],\"status\":400,\"title\":\"T\",\"type\":\"t\"}",
                JsonFactory.jsonb().toJson(new Problem("t", "T", 400, "d", List.of())));
    }
}
