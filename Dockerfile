# One image per service, chosen with --build-arg SERVICE=<name> (see docker-compose.yml); the CLI
# image (the one-shot cluster jobs) with --build-arg SERVICE=cli --build-arg JAR=cli/target/greenlight-cli-*-exec.jar.
# Expects the Boot jars built beforehand: ./mvnw -B -DskipTests package
# No service reads a policy folder: the gate-evaluator gates with the policies packaged in its jar,
# the rollout-controller and check-ingest with the texts the gate announced on greenlight.policies.
FROM eclipse-temurin:17-jre
ARG SERVICE
ARG JAR=services/${SERVICE}/target/${SERVICE}-*-exec.jar
RUN useradd --system --uid 10001 greenlight && mkdir -p /var/lib/greenlight && chown greenlight /var/lib/greenlight
COPY ${JAR} /opt/greenlight/app.jar
# The compose healthcheck: liveness and readiness over the JDK's HTTP client (no curl in the image).
COPY docker/HealthCheck.java /opt/greenlight/HealthCheck.java
WORKDIR /var/lib/greenlight
USER greenlight
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/opt/greenlight/app.jar"]
