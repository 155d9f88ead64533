import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container healthcheck of every Greenlight image (the JRE image has no curl): exits 0 only when
 * the service on the given port answers 200 on both its liveness and its readiness group. Run as a
 * single source file: {@code java /opt/greenlight/HealthCheck.java 8181}.
 */
public class HealthCheck {

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        for (String group : new String[] {"liveness", "readiness"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + args[0]
                    + "/actuator/health/" + group)).timeout(Duration.ofSeconds(5)).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                System.err.println(group + ": " + status);
                System.exit(1);
            }
        }
    }
}
