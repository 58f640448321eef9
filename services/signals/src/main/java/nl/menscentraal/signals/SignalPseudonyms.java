package nl.menscentraal.signals;

import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;

/** The dossier's keyed pseudonyms of BSNs, as the signals service holds them. */
public record SignalPseudonyms(ClientPseudonyms pseudonyms) {
}
