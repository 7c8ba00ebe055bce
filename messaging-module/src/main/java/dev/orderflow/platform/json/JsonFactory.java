package dev.orderflow.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriterFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;

/**
 * The application's one JSON-P provider and one JSON-B instance, looked up once.
 * <p>
 * The static {@code jakarta.json.Json} factory methods and {@code JsonbBuilder.create()} each run a
 * {@code ServiceLoader} lookup that reads module jars under a {@code JarFile} monitor: called per request or per event
 * they cost CPU and make request threads, the outbox relay and the consumers wait on one another. Every JSON builder,
 * reader and binding in main code comes from here (an architecture test keeps it so). All of these objects are
 * thread-safe.
 */
public final class JsonFactory {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());

    /** Built on first use only: JSON-P users need no JSON-B implementation. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private JsonFactory() {
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    /** A reader over the text; the caller closes it. */
    public static JsonReader reader(String text) {
        return READERS.createReader(new StringReader(text));
    }

    /** Parses a JSON object; a {@code jakarta.json.JsonException} for text that is not one. */
    public static JsonObject readObject(String text) {
        try (JsonReader reader = reader(text)) {
            return reader.readObject();
        }
    }

    /** The text as a JSON string literal: quoted, with what JSON requires escaped. */
    public static String quoted(String text) {
        return PROVIDER.createValue(text).toString();
    }

    public static JsonReaderFactory readers() {
        return READERS;
    }

    public static JsonWriterFactory writers() {
        return WRITERS;
    }

    /** The one JSON-B instance: the REST layer's and the product cache's. */
    public static Jsonb jsonb() {
        return Binding.JSONB;
    }
}
