package dev.orderflow.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * WildFly's management HTTP API ({@code http://host:<management port>/management}), as the admin console uses it, with
 * HTTP Digest authentication of a management user (java.net.http has no Digest, HttpURLConnection does).
 */
public final class ManagementApi {

    /** The answer: HTTP status and body. */
    public record Answer(int status, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public boolean succeeded() {
            return status == 200 && "success".equals(json().getString("outcome", null));
        }
    }

    private final String baseUrl;
    private final Authenticator credentials;

    public ManagementApi(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.credentials = user == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.toCharArray());
            }
        };
    }

    /** Runs one management operation given as DMR JSON. */
    public Answer execute(String operation) {
        return post("/management", "application/json", operation.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads a deployment's bytes to the content repository; returns the content hash (BYTES_VALUE). */
    public String upload(Path archive) throws IOException {
        String boundary = "----orderflow-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + archive.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(archive));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Answer answer = post("/management/add-content", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
        if (!answer.succeeded()) {
            throw new IllegalStateException("upload failed: " + answer);
        }
        return answer.json().getJsonObject("result").getString("BYTES_VALUE");
    }

    private Answer post(String path, String contentType, byte[] body) {
        try {
            var connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            if (credentials != null) {
                connection.setAuthenticator(credentials);
            }
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(180_000);
            connection.setRequestProperty("Content-Type", contentType);
            connection.getOutputStream().write(body); // buffered, so the request can be repeated after the challenge
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
