import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  pom.xml
  mvnw
  mvnw.cmd
  .mvn/wrapper/maven-wrapper.properties
  src/main/java/com/example/booking/BookingApplication.java
  src/main/java/com/example/booking/api/BookingController.java
  src/main/java/com/example/booking/api/BookingRequest.java
  src/main/java/com/example/booking/domain/Booking.java
  src/main/java/com/example/booking/domain/BookingRepository.java
  src/main/java/com/example/booking/domain/BookingService.java
  src/main/java/com/example/booking/config/SecurityConfig.java
  src/main/resources/application.yml
  src/main/resources/application-prod.yml
  src/main/resources/db/migration/V1__create_bookings.sql
  src/main/resources/db/migration/V2__add_status.sql
  src/main/resources/static/favicon.ico
  src/test/java/com/example/booking/BookingApplicationTests.java
  src/test/java/com/example/booking/api/BookingControllerTest.java
  src/test/resources/application-test.yml
  target/booking-0.0.1-SNAPSHOT.jar
  target/classes/application.yml
  target/classes/com/example/booking/BookingApplication.class
  target/surefire-reports/TEST-com.example.booking.BookingApplicationTests.xml
  HELP.md
  README.md
  .env
  .idea/misc.xml
  .idea/workspace.xml
  booking.iml
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .github/workflows/maven.yml
  .gitattributes
`);

const dockerignore = `target/
.git
.gitattributes
.github
.idea
*.iml
.env
*.md
mvnw.cmd
`;

export const javaSpringLayers: Example = {
  id: 'java-spring-layers',
  title: 'Java: Spring Boot layer extraction (three stages)',
  summary: 'Build the jar with Maven, split it into layers, copy the layers into a JRE image.',
  notice:
    'Three stages: Maven builds the fat jar on a JDK, the extract stage runs java -Djarmode=tools to split it into dependencies, loader, snapshot dependencies and application, and the runtime copies those folders one COPY at a time onto a JRE. ' +
    'Dependencies change rarely, so their layer is reused by registries and hosts; a code change only ships the small application layer. ' +
    'The JDK, Maven, its ~/.m2 cache (a cache mount) and the sources never reach the runtime image.',
  tags: ['java', 'spring boot', 'maven', 'layers', 'jre', 'cache mount'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM eclipse-temurin:21.0.5_11-jdk-noble AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw --batch-mode dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw --batch-mode package -DskipTests \\
 && cp target/booking-*.jar application.jar

FROM eclipse-temurin:21.0.5_11-jre-noble AS extract
WORKDIR /builder
COPY --from=build /workspace/application.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:21.0.5_11-jre-noble
RUN useradd --system --uid 10001 spring
WORKDIR /application
COPY --from=extract /builder/extracted/dependencies/ ./
COPY --from=extract /builder/extracted/spring-boot-loader/ ./
COPY --from=extract /builder/extracted/snapshot-dependencies/ ./
COPY --from=extract /builder/extracted/application/ ./
USER spring
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "application.jar"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'java-spring-layers',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM eclipse-temurin:21.0.5_11-jdk-noble
WORKDIR /workspace
COPY . .
RUN ./mvnw --batch-mode package -DskipTests
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "java -jar target/booking-*.jar"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'java-spring-layers',
  },
};
