package nl.menscentraal.launch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the dossier service on its own (production). The local run composes it with the other services instead. */
@SpringBootApplication(scanBasePackages = "nl.menscentraal.dossier")
public class DossierApplication {

    public static void main(String[] args) {
        SpringApplication.run(DossierApplication.class, args);
    }
}
