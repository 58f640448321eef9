package nl.menscentraal.signals.rules;

import org.junit.jupiter.api.Test;
import java.time.*;
import java.util.*;
import static nl.menscentraal.signals.rules.History.*;

class ZzProbeTest {
    static void dump(String label, Evaluation e) {
        System.out.println("=== " + label + " next=" + e.nextDue());
        e.held().forEach(x -> System.out.println("  " + x.ruleId() + " " + x.severity() + " " + x.heldAt() + " " + x.routedTo() + " | " + x.explanation()));
    }
    @Test void probe() {
        // 1 three no-shows
        History h = History.client().fact("wmo.afspraak-niet-nagekomen", "2016-01-04").fact("wmo.afspraak-niet-nagekomen", "2016-01-14").fact("ggz.afspraak-niet-nagekomen", "2016-01-24");
        dump("three no-shows", afterGrace(h.asSubject()));
        // 2 uitgevallen explanation
        h = History.client().fact("schuldhulp.aanmelding-ontvangen", "2016-01-04").fact("ggz.behandeling-gestart", "2016-01-05").fact("ggz.behandeling-uitgevallen", "2016-02-05");
        dump("uitgevallen", afterGrace(h.asSubject()));
        // 3 KM leave & rejoin
        h = History.client().fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling","b")).fact("schuldhulp.aanmelding-ontvangen", "2016-01-05")
          .fact("werk-inkomen.uitkering-beeindigd", "2016-02-01", Map.of("reden","werk")).fact("werk-inkomen.uitkering-aangevraagd", "2016-03-01", Map.of("regeling","b"));
        dump("km rejoin", afterGrace(h.asSubject()));
        // 4 VW-01 when naarPartner already involved, then another start by that partner
        h = History.client().fact("ggz.aanmelding-ontvangen", "2016-01-01").fact("wmo.verwijzing-verstuurd", "2016-01-04", Map.of("naarPartner","ggz","leefgebied","verslaving")).fact("ggz.verslavingszorg-gestart", "2016-01-10");
        dump("vw already involved", afterGrace(h.asSubject()));
        // 5 RG-01 regisseur then afgesloten
        h = History.client().fact("werk-inkomen.uitkering-aangevraagd", "2016-01-04", Map.of("regeling","b")).fact("schuldhulp.aanmelding-ontvangen", "2016-01-05").fact("ggz.aanmelding-ontvangen", "2016-01-06")
          .fact("regie.regisseur-toegewezen", "2016-01-07", Map.of("regisseurId","r","organisatie","regie")).fact("regie.regie-afgesloten", "2016-03-01", Map.of("reden","x"));
        dump("rg afgesloten", afterGrace(h.asSubject()));
        // 6 HU-01 eviction executed
        h = History.client().fact("schuldhulp.ontruiming-aangezegd", "2016-01-04", Map.of("datumOntruiming","2016-02-01")).fact("schuldhulp.ontruiming-uitgevoerd", "2016-02-01");
        dump("eviction executed", afterGrace(h.asSubject()));
        // 7 IN-01 immediate then answered a minute later
        h = History.client().fact("werk-inkomen.uitkering-beeindigd", "2016-01-04", Map.of("reden","overig","terugwerkendeKracht",true));
        dump("in immediate", ENGINE.evaluate(RULES, h.asSubject(), RECORDED));
        // 8 hulpverlener-gewijzigd
        h = History.client().by("a").fact("wmo.melding-ontvangen","2016-01-01").by("b").fact("wmo.hulpverlener-gewijzigd","2016-01-02",Map.of("warmeOverdracht",true))
          .by("c").fact("wmo.hulpverlener-gewijzigd","2016-01-03",Map.of("warmeOverdracht",true)).by("d").fact("wmo.hulpverlener-gewijzigd","2016-01-04",Map.of("warmeOverdracht",true))
          .by("e").fact("wmo.hulpverlener-gewijzigd","2016-01-05",Map.of("warmeOverdracht",true));
        dump("hulpverlener gewijzigd x4", afterGrace(h.asSubject()));
        // 9 household HU-01 kritiek when the client itself... and household GZ with three members
        History a = History.client().fact("werk-inkomen.uitkering-aangevraagd","2016-01-01",Map.of("regeling","b"));
        History b = History.client().fact("jeugd.zorgmelding-ontvangen","2016-01-02",Map.of("bron","school"));
        History c = History.client().fact("ggz.aanmelding-ontvangen","2016-01-03");
        dump("gz three", afterGrace(household(c, b, a)));
        // 10 MP-01 later partner leaves but condition still holds with another
        h = History.client().fact("schuldhulp.betalingsachterstand-gesignaleerd","2016-01-04",Map.of("schuldeiser","huur","bedrag",1))
          .fact("schuldhulp.betalingsachterstand-gesignaleerd","2016-01-05",Map.of("schuldeiser","huur","bedrag",1));
        dump("hu02 two arrears no income", afterGrace(h.asSubject()));
        // 11 SH-01 crisis false string
        h = History.client().fact("schuldhulp.aanmelding-ontvangen","2016-01-04",Map.of("crisis",false)).fact("schuldhulp.eerste-gesprek-gevoerd","2016-01-10");
        dump("crisis false", afterGrace(h.asSubject()));
        // 12 same-instant ordering: afgerond and aangevraagd
        h = History.client().fact("werk-inkomen.uitkering-afgewezen", "2026-11-20", Map.of("reden","x")).fact("schuldhulp.aanmelding-ontvangen", "2026-11-21");
        dump("next due min", afterGrace(h.asSubject()));
    }
}
