package dev.leadport.leads;

import dev.leadport.shared.DemoProperties;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Fills an empty lead table with believable demo leads in demo mode, spread over the demo users. */
@Component
@Order(10)
class DemoLeadSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLeadSeeder.class);

    private static final List<String> FIRST = List.of(
            "Amelia", "Liam", "Sofia", "Noah", "Chloé", "Mateo", "Hannah", "Yuki", "Omar", "Ingrid", "Priya", "Lucas");
    private static final List<String> LAST = List.of(
            "Nguyen", "Schmidt", "García", "O'Brien", "Kowalski", "Rossi", "Andersson", "Patel", "Dubois", "Tanaka");
    private static final List<String> COMPANIES = List.of(
            "Northwind Traders", "Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Hooli");
    private static final List<String> TITLES =
            List.of("CTO", "Head of Sales", "Marketing Manager", "Office Manager", "VP Operations", "Founder");
    private static final List<String> SOURCES = List.of("Website", "Trade show", "Referral", "LinkedIn", "Webinar");

    private final LeadRepository repository;
    private final Users users;
    private final DemoProperties demo;

    DemoLeadSeeder(LeadRepository repository, Users users, DemoProperties demo) {
        this.repository = repository;
        this.users = users;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || demo.leads() <= 0 || !repository.isEmpty()) {
            return;
        }
        List<Long> owners = users.all().stream()
                .filter(u -> u.username().equals("rep") || u.username().equals("manager"))
                .map(UserAccount::id)
                .toList();
        Random random = new Random(7);
        for (int i = 0; i < demo.leads(); i++) {
            String first = pick(FIRST, random);
            String last = pick(LAST, random);
            String company = pick(COMPANIES, random);
            String email = (first + "." + last + i).toLowerCase().replaceAll("[^a-z0-9.]", "") + "@"
                    + company.toLowerCase().replaceAll("[^a-z]", "") + ".example";
            repository.insert(new LeadValues(
                    first,
                    last,
                    email,
                    "+1 415 555 " + String.format("%04d", 1000 + i),
                    String.format("+1415555%04d", 1000 + i),
                    company,
                    pick(TITLES, random),
                    LeadStatus.values()[random.nextInt(LeadStatus.values().length)],
                    pick(SOURCES, random),
                    owners.isEmpty() ? null : owners.get(i % owners.size()),
                    i % 5 == 0 ? "Met at the spring conference; wants a demo in Q3." : null,
                    Map.of(),
                    null));
        }
        log.info("Demo mode: created {} demo leads.", demo.leads());
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
