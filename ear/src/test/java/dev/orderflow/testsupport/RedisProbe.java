package dev.orderflow.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Reads what the application left in Redis, over the plain RESP protocol. */
public final class RedisProbe {

    private RedisProbe() {
    }

    /** Seconds the key has left; -2 when it does not exist, -1 when it never expires. */
    public static long ttl(String key) {
        String address = TestServices.env("REDIS_ADDRESS", "redis://127.0.0.1:6379").replace("redis://", "");
        String[] hostPort = address.split(":");
        try (var socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            OutputStream out = socket.getOutputStream();
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            out.write(("*2\r\n$3\r\nTTL\r\n$" + keyBytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(keyBytes);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (reply == null || !reply.startsWith(":")) {
                throw new IllegalStateException("unexpected Redis reply: " + reply);
            }
            return Long.parseLong(reply.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
