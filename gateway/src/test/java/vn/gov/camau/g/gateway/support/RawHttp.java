package vn.gov.camau.g.gateway.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Requests no HTTP client would send (a bad escape, an unknown HTTP version), written byte for
 * byte to the gateway's port; the answer is read until the gateway closes the connection.
 */
public final class RawHttp {

    private static final int PATIENCE_MILLIS = 10_000;

    private RawHttp() {}

    /**
     * Sends the bytes and reads until the gateway closes the connection.
     *
     * @return the whole answer, headers and body
     * @throws SocketTimeoutException when the gateway keeps the connection open (it is waiting
     *     for more of the request)
     */
    public static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(PATIENCE_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                answer.write(chunk, 0, read);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
