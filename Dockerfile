# One image recipe for all five services: docker compose builds each with its MODULE.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl ${MODULE} -am package

FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
