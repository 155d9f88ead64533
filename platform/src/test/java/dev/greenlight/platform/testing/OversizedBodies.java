package dev.greenlight.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.web.BodySizeLimit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends request bodies far larger than a service accepts over a raw socket, the way an attacker
 * would, and returns the status line the service answers with — without waiting for the whole
 * body to be sent (a service that reads it all would make the caller wait for megabytes).
 */
public final class OversizedBodies {

    private static final int SLICE = 64 * 1024;

    private OversizedBodies() {
    }

    /** Declares {@code length} bytes with Content-Length, sends one slice, and reads the answer. */
    public static String declared(int port, String method, String path, String token, String contentType,
                                  long length) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, token, contentType, "Content-Length: " + length));
            out.write(new byte[(int) Math.min(SLICE, length)]);
            out.flush();
            return statusLine(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code length} bytes chunked (no Content-Length) from a second thread and reads the
     * answer meanwhile; a service that cuts the body off answers long before it is all sent.
     */
    public static String chunked(int port, String method, String path, String token, String contentType,
                                 long length) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, token, contentType, "Transfer-Encoding: chunked"));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                byte[] slice = new byte[SLICE];
                Arrays.fill(slice, (byte) 'a');
                try {
                    while (sent.get() < length) {
                        out.write((Integer.toHexString(SLICE) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(slice);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(SLICE);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // The service closed the connection after answering: the rest is not wanted.
                }
            });
            String status = statusLine(socket);
            long sentWhenAnswered = sent.get();
            sender.cancel(true);
            if (sentWhenAnswered >= length) {
                // Measured in bytes, not seconds: a service that reads everything before refusing
                // has taken the whole body by the time it answers.
                throw new AssertionError("the service answered only after all " + length
                        + " bytes were sent: it read the body instead of cutting it off");
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Calls every POST, PUT and PATCH mapping of the service with a body declared one byte over
     * its {@link BodySizeLimit}, without a token, and asserts each is refused with 413 (the limit
     * comes first, before authentication and parsing). Returns what was checked.
     */
    public static List<String> everyBodyEndpointRefusesOneByteOverTheLimit(ApplicationContext context, int port) {
        long limit = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(FilterRegistrationBean::getFilter).filter(BodySizeLimit.class::isInstance)
                .map(f -> ((BodySizeLimit) f).limit().toBytes()).findFirst()
                .orElseThrow(() -> new AssertionError("no BodySizeLimit filter registered"));
        Map<RequestMappingInfo, HandlerMethod> mappings = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class).getHandlerMethods();
        Set<String> checked = new TreeSet<>();
        mappings.forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : List.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH)) {
                if (!methods.isEmpty() && !methods.contains(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    // {action:promote|pause} -> promote, {target} -> x
                    String path = pattern.replaceAll("\\{[^}:]+:([^|}]+)[^}]*}", "$1").replaceAll("\\{[^}]+}", "x");
                    String status = declared(port, method.name(), path, null, "application/json", limit + 1);
                    assertThat(status).as(method + " " + path).contains(" 413");
                    checked.add(method + " " + path);
                }
            }
        });
        return List.copyOf(checked);
    }

    private static byte[] head(String method, String path, String token, String contentType, String length) {
        return (method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Type: " + contentType + "\r\n" + length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
    }
}
