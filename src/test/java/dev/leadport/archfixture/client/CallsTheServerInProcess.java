package dev.leadport.archfixture.client;

import dev.leadport.leads.LeadStatus;
import org.springframework.http.HttpStatus;

/** Breaks the command-line client's rule on purpose: it uses a module's code and Spring instead of HTTP. */
public class CallsTheServerInProcess {

    public String describe() {
        return LeadStatus.NEW + " " + HttpStatus.OK;
    }
}
