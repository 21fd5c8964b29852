package org.vouchsafe.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** P5 baseline: Spring Boot with the Camunda webapp and REST starters and one trivial BPMN, nothing else. */
@SpringBootApplication
public class BareCamundaApp {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApp.class, args);
    }
}
