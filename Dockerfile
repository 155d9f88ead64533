# One image per service, chosen with --build-arg SERVICE=<name> (see docker-compose.yml).
# Expects the Boot jars built beforehand: ./mvnw -B -DskipTests package
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 greenlight && mkdir -p /var/lib/greenlight && chown greenlight /var/lib/greenlight
COPY services/${SERVICE}/target/${SERVICE}-*-exec.jar /opt/greenlight/app.jar
USER greenlight
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/opt/greenlight/app.jar"]
