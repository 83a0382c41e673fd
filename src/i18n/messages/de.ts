// The message catalogue in German (ids and placeholders: en.ts).
import type { MessageId } from './en.js';

export const de: Record<MessageId, string> = {
  'problem.validation-failed': 'Die Anfrage ist ungültig',
  'problem.invalid-niss': 'Ungültige NISS',
  'problem.invalid-kbo': 'Ungültige ZDU-Nummer',
  'problem.invalid-cursor': 'Ungültiger Cursor',
  'problem.unauthenticated': 'Authentifizierung erforderlich',
  'problem.forbidden': 'Zugriff verweigert',
  'problem.not-found': 'Nicht gefunden',
  'problem.method-not-allowed': 'Methode nicht erlaubt',
  'problem.not-acceptable': 'Format nicht verfügbar',
  'problem.invalid-state': 'Im aktuellen Status nicht erlaubt',
  'problem.duplicate-beneficiary': 'Leistungsempfänger bereits erfasst',
  'problem.duplicate-external-ref': 'Externe Referenz bereits verwendet',
  'problem.duplicate-nis-code': 'NIS-Code bereits vergeben',
  'problem.duplicate-kbo': 'ÖSHZ bereits erfasst',
  'problem.idempotency-key-in-flight': 'Eine Anfrage mit diesem Schlüssel läuft',
  'problem.precondition-failed': 'Die Ressource wurde geändert',
  'problem.content-removed': 'Der Inhalt wurde entfernt',
  'problem.payload-too-large': 'Anfrage zu groß',
  'problem.uri-too-long': 'Anfrage-URI zu lang',
  'problem.request-timeout': 'Die Anfrage ist nicht rechtzeitig eingegangen',
  'problem.header-fields-too-large': 'Anfrage-Header zu groß',
  'problem.unsupported-media-type': 'Nicht unterstützter Medientyp',
  'problem.idempotency-key-reused': 'Idempotenzschlüssel für eine andere Anfrage wiederverwendet',
  'problem.date-in-future': 'Datum in der Zukunft',
  'problem.birth-date-mismatch': 'Geburtsdatum passt nicht zur NISS',
  'problem.invalid-partner': 'Ungültiger Partner',
  'problem.invalid-period': 'Ungültiger Zeitraum',
  'problem.invalid-reference': 'Ungültiger Verweis',
  'problem.content-incomplete': 'Der Vertragsinhalt ist unvollständig',
  'problem.assessment-missing': 'Keine vorherige Sozialbilanz',
  'problem.reflection-period-not-elapsed': 'Die Bedenkzeit ist nicht abgelaufen',
  'problem.waiver-not-allowed': 'Ein Verzicht auf die Bedenkzeit ist hier nicht zulässig',
  'problem.hearing-pending': 'Ein Antrag auf Anhörung ist anhängig',
  'problem.signature-before-grant': 'Unterzeichnung vor der Bewilligungsentscheidung',
  'problem.obligation-not-applicable': 'Keine Regel macht dieses IPSE verpflichtend',
  'problem.notice-missing': 'Keine Inverzugsetzung vor der Entscheidung',
  'problem.hearing-not-held': 'Die beantragte Anhörung fand nicht statt',
  'problem.sanction-not-applicable': 'Keine Sanktion anwendbar',
  'problem.sanction-too-long': 'Die Aussetzung ist zu lang',
  'problem.sanction-start-outside-window': 'Die Aussetzung beginnt außerhalb des zulässigen Zeitraums',
  'problem.category-not-allowed': 'Aktivierungskategorie nicht zulässig',
  'problem.amendment-not-agreed': 'Dem Nachtrag fehlt eine Unterschrift',
  'problem.precondition-required': 'If-Match erforderlich',
  'problem.rate-limited': 'Zu viele Anfragen',
  'problem.internal-error': 'Interner Fehler',
  'problem.unavailable': 'Dienst nicht verfügbar',
  'problem.timeout': 'Zeitüberschreitung',
  'http.validation':
    '{part, select, body {Der Inhalt der Anfrage ist} querystring {Die Parameter der Anfrage sind} params {Der Pfad der Anfrage ist} headers {Die Header der Anfrage sind} other {Die Anfrage ist}} ungültig',
  'http.unstorable-value':
    'Ein Wert der Anfrage kann nicht gespeichert werden (ungültige Zeichen oder außerhalb des Bereichs)',
  'http.transferred': 'Die Akte dieser Person wurde einem anderen ÖSHZ übertragen: sie ist hier schreibgeschützt',
  'http.statement-timeout': 'Die Anfrage dauerte zu lange und wurde abgebrochen; nichts wurde gespeichert',
  'http.database-unavailable': 'Die Datenbank ist nicht erreichbar; versuchen Sie es später erneut',
  'http.body-too-large': 'Der Inhalt der Anfrage überschreitet die zulässige Größe',
  'http.unexpected': 'Unerwarteter Fehler; nennen Sie die Anfrage-ID {requestId}',
  'http.no-operation': 'Keine Operation {method} {path}',
  'http.uri-part-too-long': 'Ein Teil der Anfrage-URI ist länger, als dieser Dienst annimmt',
  'http.uri-invalid': 'Die Anfrage-URI ist ungültig',
  'http.headers-too-large': 'Anfragezeile und Header überschreiten die Größe, die dieser Dienst annimmt',
  'http.not-received-in-time': 'Die Anfrage ist nicht rechtzeitig eingegangen',
  'http.not-http': 'Die Anfrage konnte nicht als HTTP gelesen werden',
  'http.malformed-json': 'Der Inhalt ist kein gültiges JSON',
  'http.empty-json': 'Der Inhalt ist leer, obwohl sein Inhaltstyp JSON angibt',
  'http.framework': 'Die Anfrage kann nicht verarbeitet werden ({status})',
  'http.shutting-down':
    'Der Dienst wird beendet; nichts wurde getan: versuchen Sie es erneut, eine andere Instanz antwortet',
  'http.produces': 'Diese Operation antwortet in {types}',
  'http.token-in-url': 'Token werden nur im Authorization-Header angenommen, nie in der URL',
  'http.too-many-unauthenticated':
    'Zu viele Anfragen ohne gültiges Token von dieser Adresse; erneut versuchen in {seconds} s',
  'http.roles': 'Ihre Rollen erlauben diese Operation nicht',
  'http.no-cpas-claim': 'Das Token handelt für kein ÖSHZ (kein cpas-Claim)',
  'http.cpas-not-registered': 'Das ÖSHZ dieses Tokens ist nicht erfasst',
  'http.rate-limited': 'Mehr als {max} Anfragen pro Minute; erneut versuchen in {seconds} s',
  'http.token-required': 'Ein Zugriffstoken ist erforderlich',
  'validation.required': 'ist erforderlich',
  'validation.unknown-field': 'unbekanntes Feld',
  'validation.type':
    'muss {type, select, string {ein Text} integer {eine ganze Zahl} number {eine Zahl} boolean {wahr oder falsch} array {eine Liste} object {ein Objekt} null {null} other {vom Typ {type}}} sein',
  'validation.format':
    'ist {format, select, date {kein gültiges Datum (JJJJ-MM-TT)} date_time {kein gültiger Zeitpunkt (RFC 3339)} uuid {keine gültige UUID} email {keine gültige E-Mail-Adresse} uri {keine gültige URI} other {kein gültiger Wert ({format})}}',
  'validation.pattern': 'hat nicht die erwartete Form',
  'validation.min-length': 'muss mindestens {limit, plural, one {# Zeichen} other {# Zeichen}} haben',
  'validation.max-length': 'darf höchstens {limit, plural, one {# Zeichen} other {# Zeichen}} haben',
  'validation.minimum': 'muss mindestens {limit} sein',
  'validation.maximum': 'darf höchstens {limit} sein',
  'validation.exclusive-minimum': 'muss größer als {limit} sein',
  'validation.exclusive-maximum': 'muss kleiner als {limit} sein',
  'validation.enum': 'muss einer dieser Werte sein: {allowed}',
  'validation.const': 'muss {allowed} sein',
  'validation.min-items': 'muss mindestens {limit, plural, one {# Element} other {# Elemente}} haben',
  'validation.max-items': 'darf höchstens {limit, plural, one {# Element} other {# Elemente}} haben',
  'validation.unique-items': 'darf kein Element wiederholen',
  'validation.min-properties': 'muss mindestens {limit, plural, one {# Feld} other {# Felder}} haben',
  'validation.multiple-of': 'muss ein Vielfaches von {limit} sein',
  'validation.invalid': 'ist ungültig',
  'import.row-unreadable': 'Zeile {row}: {reason}',
  'import.line-not-object': 'die Zeile ist kein JSON-Objekt',
  'import.line-not-json': 'die Zeile ist kein gültiges JSON',
  'import.field-count': 'die Zeile hat {fields} Felder, die Kopfzeile {header}',
  'import.field-error': '{path} {message}',
  'import.person-named-once':
    'Bezeichnen Sie die Person mit beneficiaryId oder mit beneficiaryExternalRef (eines von beiden)',
  'import.ref-of-another-person': 'Diese externalRef gehört zu einem Datensatz einer anderen Person',
  'import.ref-other-values':
    'Ein Datensatz mit dieser externalRef enthält andere Werte; eine Tatsache wird mit supersedes und einer Begründung berichtigt, nicht durch erneuten Import',
  'import.row-unexpected': 'Unerwarteter Fehler in dieser Zeile (Anfrage-ID {requestId})',
  'not-found.beneficiary': 'Kein solcher Leistungsempfänger in Ihrem ÖSHZ',
  'import.field-errors': '{errors}',
  'not-found.assessment': 'Keine solche Sozialbilanz in Ihrem ÖSHZ',
  'not-found.import': 'Kein solcher Import in Ihrem ÖSHZ',
  'not-found.module': 'Kein solches Aktivierungsmodul in Ihrem ÖSHZ',
  'not-found.attachment': 'Keine solche Anlage in Ihrem ÖSHZ',
  'not-found.piis': 'Kein solches IPSE in Ihrem ÖSHZ',
  'not-found.webhook': 'Kein solches Webhook-Abonnement in Ihrem ÖSHZ',
  'not-found.report-run': 'Keine solche Berichtserstellung in Ihrem ÖSHZ',
  'not-found.transfer': 'Keine solche Übertragung für Ihr ÖSHZ',
  'not-found.hearing': 'Kein solcher Antrag auf Anhörung zu diesem IPSE',
  'not-found.interview': 'Kein solcher Antrag auf ein Gespräch zu diesem IPSE',
  'not-found.record': 'Kein solcher Eintrag zu diesem IPSE',
  'not-found.cpas': 'Dieses ÖSHZ ist nicht erfasst',
  'not-found.version': 'Dieses IPSE hat keine Version {version}',
  'not-found.fact':
    '{kind, select, right_decision {Keine solche Rechtsentscheidung} situation {Keine solche Situation} exemption {Keine solche Befreiung} other {Keine solche Tatsache}} für diesen Leistungsempfänger',
  'not-found.proof-target': 'Kein solches Element ({target}) zu diesem IPSE',
  'conflict.external-ref':
    'Diese externalRef wird bereits von {entity, select, beneficiary {einem anderen Leistungsempfänger} assessment {einer anderen Sozialbilanz} module {einem anderen Modul} expense {einer anderen Ausgabe} attachment {einer anderen Anlage} webhook {einem anderen Webhook-Abonnement} piis {einem anderen IPSE} right_decision {einer anderen Rechtsentscheidung} situation {einer anderen Situation} exemption {einer anderen Befreiung} other {einem anderen Eintrag}} Ihres ÖSHZ verwendet',
  'conflict.beneficiary-niss': 'Ein Leistungsempfänger mit dieser NISS ist in Ihrem ÖSHZ bereits erfasst',
  'conflict.cpas-kbo': 'Ein ÖSHZ mit dieser ZDU-Nummer ist bereits erfasst',
  'conflict.nis-codes': 'Der oder die NIS-Codes {codes} gehören bereits zu einem anderen ÖSHZ',
  'conflict.nis-code': 'Ein NIS-Code gehört bereits zu einem anderen ÖSHZ',
  'conflict.enrolled': 'Dieser Leistungsempfänger ist bereits in diesem Modul eingeschrieben',
  'conflict.transfer-decided': 'Diese Übertragung wurde bereits angenommen oder abgelehnt',
  'conflict.already-transferred': 'Die Akte dieser Person wurde bereits einem anderen ÖSHZ übertragen',
  'conflict.transfer-pending': 'Eine Übertragung dieser Person ist bereits anhängig',
  'conflict.changed':
    '{entity, select, beneficiary {Der Leistungsempfänger wurde} piis {Das IPSE wurde} other {Die Ressource wurde}} seit Ihrem Lesen geändert{etag, select, none {} other { (aktuelles ETag {etag})}}',
  'conflict.if-match-required': 'Diese Änderung erfordert einen If-Match-Header mit dem zuletzt gelesenen ETag',
  'conflict.if-match-unknown': 'If-Match nennt keine aktuelle Version dieser Ressource',
  'conflict.idempotency-in-flight':
    'Eine Anfrage mit diesem Idempotency-Key wird noch verarbeitet; versuchen Sie es später erneut',
  'conflict.idempotency-reused':
    'Dieser Idempotency-Key wurde in den letzten 24 Stunden für eine andere Anfrage verwendet',
  'cursor.invalid': 'Dieser Cursor wurde nicht von diesem Dienst ausgegeben',
  'cursor.feed': 'Dieser Cursor wurde nicht von diesem Feed ausgegeben',
  'auth.token-invalid': 'Das Zugriffstoken ist ungültig',
  'auth.token-too-long-lived': 'Das Zugriffstoken gilt länger, als dieser Dienst annimmt ({seconds} s von iat bis exp)',
  'auth.roles-claim': 'Das Zugriffstoken hat keinen gültigen roles-Claim',
  'auth.cpas-claim': 'Der cpas-Claim muss eine zehnstellige ZDU-Nummer sein',
  'auth.sub-claim': 'Der sub-Claim fehlt oder ist zu lang',
  'date.in-future':
    '{path} ({date}) liegt nach heute ({today}); Tatsachen werden erfasst, nachdem sie eingetreten sind',
  'date.not-after': 'muss spätestens am {date} liegen',
  'date.not-calendar': 'ist kein Kalenderdatum',
  'date.field-not-calendar': '{path} ist kein Kalenderdatum',
  'date.not-before-start': 'muss am oder nach {field} liegen',
  'date.period-reversed': 'Der Zeitraum endet, bevor er beginnt',
  'date.is-before': 'liegt vor {field}',
  'file.empty': 'Die Datei ist leer',
  'file.is-empty': 'ist leer',
  'file.type-mismatch': 'Die Datei ist vom Typ {found}, nicht {declared} wie angegeben',
  'file.type-unknown': 'Die Datei ist nicht vom Typ {declared} (auch kein PDF, PNG oder JPEG)',
  'file.no-fact-for-purpose': 'Ein Beleg „{purpose}“ belegt das IPSE selbst: geben Sie keine factId an',
  'file.fact-not-expected': 'für diesen Zweck nicht erwartet',
  'file.fact-for-purpose': 'Ein Beleg „{purpose}“ nennt die Tatsache, die er belegt (factId)',
  'file.fact-required': 'ist für diesen Zweck erforderlich',
  'file.removed': 'Die Datei wurde gemäß der Aufbewahrungsregel gelöscht; ihr SHA-256 bleibt an der Anlage',
  'file.document-removed': 'Das Dokument wurde gemäß der Aufbewahrungsregel gelöscht; sein SHA-256 bleibt erhalten',
  'check.decision-before-notified': 'Eine Entscheidung kann nicht mitgeteilt werden, bevor sie getroffen ist',
  'check.situation-reversed': 'Eine Situation kann nicht enden, bevor sie beginnt',
  'check.module-reversed': 'Das Modul endet, bevor es beginnt',
  'check.not-allowed-for-end': 'ist nicht zulässig, wenn kind end ist',
  'check.required-for-grant': 'ist bei einer Bewilligung erforderlich',
  'check.field-error': '{path} {message}',
  'check.correction-reason':
    'Eine Berichtigung erfordert den Grund, aus dem sie {what, select, fact {die frühere Tatsache} other {den früheren Eintrag}} berichtigt',
  'check.required-with-supersedes': 'ist mit supersedes erforderlich',
  'check.supersedes-unknown':
    'supersedes nennt {what, select, fact {keine Tatsache dieser Art für diesen Leistungsempfänger} other {keinen Eintrag dieser Art zu diesem IPSE}}',
  'check.supersedes-not-in-force':
    '{what, select, fact {Die Tatsache} other {Der Eintrag}}, die supersedes nennt, ist nicht mehr in Kraft',
  'check.already-void': '{what, select, fact {Diese Tatsache} other {Dieser Eintrag}} ist bereits aufgehoben',
  'check.unknown-beneficiary-ref': 'beneficiaryId nennt keinen Leistungsempfänger Ihres ÖSHZ',
  'check.unknown-beneficiary': 'unbekannter Leistungsempfänger',
  'check.piis-of-other': 'piisId nennt kein IPSE dieses Leistungsempfängers',
  'check.not-piis-of-beneficiary': 'kein IPSE des Leistungsempfängers',
  'check.session-outside': 'Die Sitzung ({heldOn}) liegt außerhalb des Moduls ({startsOn} bis {endsOn})',
  'check.open-end': 'offenes Ende',
  'check.outside-module': 'außerhalb des Moduls',
  'check.attendees-enrolled': 'Jeder Anwesende muss ein im Modul eingeschriebener Teilnehmer sein',
  'check.not-enrolled': 'nicht in diesem Modul eingeschrieben',
  'check.year-not-begun': 'das Jahr {year} hat nicht begonnen: die landesweiten Zahlen reichen bis {current}',
  'check.at-most': 'darf höchstens {limit} sein',
  'check.staff-only': 'staff wird nur für Personalausgaben angegeben',
  'check.only-staff-category': 'nur mit der Kategorie staff',
  'check.domain-twice': 'der Bereich {domain} wird zweimal bewertet',
  'check.scored-twice': 'wird zweimal bewertet',
  'check.justification-subsidy': 'Der Verwendungsnachweis nennt seine Subvention',
  'check.required-for-justification': 'ist für den Verwendungsnachweis erforderlich',
  'check.piis-not-draft': 'Dieses IPSE ist kein Entwurf mehr: es wird durch Nachtrag geändert, nicht durch Import',
  'check.kbo-digits': 'Die ZDU-Nummer muss 10 Ziffern haben, deren letzte 2 gleich 97 − (erste 8 mod 97) sind',
  'check.kbo-invalid': 'Keine gültige ZDU/KBO-Nummer',
  'check.kbo-check-digits': 'die Prüfziffern stimmen nicht',
  'check.no-cpas-with-kbo': 'Kein ÖSHZ mit dieser ZDU-Nummer ist erfasst',
  'check.transfer-to-self': 'Eine Akte wird einem anderen ÖSHZ übertragen, nicht Ihrem eigenen',
  'check.partner': 'Der Partner muss ein anderer Leistungsempfänger Ihres ÖSHZ sein',
  'check.feed-position-twice': 'Geben Sie die Position nur einmal an: after und cursor unterscheiden sich',
  'check.differs-from-after': 'unterscheidet sich von after',
  'check.webhook-url': 'Die Webhook-URL {problem}',
  'check.webhook-secret': 'Das Geheimnis muss whsec_ sein, gefolgt vom Base64 von 24 bis 64 Bytes',
  'check.webhook-secret-short': 'nicht whsec_ + Base64 von 24–64 Bytes',
  'url.not-absolute': 'ist keine absolute URL',
  'url.https-or-http': 'muss https oder http verwenden',
  'url.https': 'muss https verwenden',
  'url.credentials': 'darf keine Zugangsdaten enthalten (das Signaturgeheimnis dient unserer Authentifizierung)',
  'url.fragment': 'darf kein Fragment haben',
  'url.private-address': 'zielt auf eine Loopback-, private oder reservierte Adresse',
  'url.local-name': 'zielt auf einen lokalen Hostnamen',
  'health.shutting-down': 'Der Dienst wird beendet',
  'health.database': 'Die Datenbank ist nicht erreichbar',
  'piis.action-not-allowed':
    '{action} ist nicht erlaubt, solange das IPSE den Status {status} hat (erlaubt: {allowed})',
  'piis.waiver-not-allowed':
    'Diese Installation lässt keinen Verzicht auf die Bedenkzeit zu (REFLECTION_WAIVER_ALLOWED ist false): keine Quelle erlaubt ihn',
  'piis.hearing-not-pending': 'Dieser Antrag auf Anhörung ist nicht mehr anhängig',
  'piis.interview-not-pending': 'Dieser Antrag auf ein Gespräch ist nicht mehr anhängig',
  'piis.third-party-named': 'Die Unterschrift eines Dritten nennt diesen Dritten',
  'piis.required-for-third-party': 'ist für third_party erforderlich',
  'piis.signed-after-handover': 'Ein IPSE wird nach seiner Übergabe zur Bedenkzeit unterzeichnet',
  'piis.already-signed':
    '{party, select, beneficiary {Der Leistungsempfänger} cpas {Das ÖSHZ} other {Der Dritte}} hat diese Version bereits unterzeichnet (berichtigen Sie diese Unterschrift mit supersedes)',
  'piis.amendment-changes-nothing': 'Ein Nachtrag ändert den Inhalt: nennen Sie mindestens ein Inhaltsfeld',
  'piis.no-content-field': 'kein Inhaltsfeld geändert',
  'piis.hearing-date-unrequested': 'Ein Anhörungsdatum wird nur erfasst, wenn die Person eine Anhörung beantragt hat',
  'piis.requires-requested': 'erfordert requested: true',
  'piis.baseline-unknown': 'baselineAssessmentId nennt keine Sozialbilanz dieses Leistungsempfängers',
  'piis.no-such-assessment': 'keine solche Sozialbilanz des Leistungsempfängers',
  'piis.reuses-unknown': 'reusesPiisId nennt kein früheres IPSE dieses Leistungsempfängers',
  'piis.no-earlier': 'kein früheres IPSE dieses Leistungsempfängers',
  'niss.invalid': 'Keine gültige NISS- oder BIS-Nummer: {reason}',
  'niss.eleven-digits': 'eine NISS hat 11 Ziffern',
  'niss.check-range': 'die Prüfziffern müssen zwischen 01 und 97 liegen',
  'niss.check-mismatch': 'die Prüfziffern stimmen nicht',
  'niss.month': 'der Monat liegt außerhalb des Bereichs',
  'niss.day': 'der Tag liegt außerhalb des Bereichs',
  'niss.no-such-date': 'das Geburtsdatum existiert nicht',
  'niss.explained':
    '{bis, select, yes {BIS-Nummer} other {Nationalregisternummer}}: die Prüfziffern {check} stimmen nach der Regel {century, select, c2000 {für Geburten ab 2000 (Präfix 2)} other {für Geburten vor 2000}}, also geboren {born}',
  'niss.born-on': 'am {date}',
  'niss.born-in-year': 'im Jahr {year}, Datum teilweise unbekannt',
  'niss.birth-date-mismatch': 'Das Geburtsdatum passt nicht zur NISS ({explanation})',
  'reflect.period':
    'übergeben am {handedOverOn}: die Bedenkzeit von {days} Tagen läuft vom {from} bis zum {to} (der Tag der Übergabe zählt nicht, Wochenenden und Feiertage zählen)',
  'reflect.ends-on': '{period}; ihr letzter Tag ist der {last}',
  'reflect.earliest':
    '{period}; der Person steht die ganze Frist zu, die Unterzeichnung ist daher frühestens am {earliest} möglich',
  'reflect.refused':
    'Eine Unterzeichnung am {signedOn} fällt in die Bedenkzeit: {why}{waiver, select, allowed { und bei der Übergabe wurde kein schriftlicher Verzicht der Person erfasst} other {; diese Installation lässt keinen Verzicht zu}}',
  'content.objective-required': 'mindestens ein Ziel ist erforderlich',
  'content.domains-required': 'die Tätigkeitsbereiche sind erforderlich',
  'content.key-twice': 'der Zielschlüssel {key} wird zweimal verwendet',
  'content.commitments-of':
    'die Verpflichtungen {party, select, beneficiary {des Leistungsempfängers} cpas {des ÖSHZ} other {des Dritten}} sind erforderlich',
  'content.commitment-objective': 'eine Verpflichtung gehört zu mindestens einem Ziel',
  'content.no-objective-key': 'kein Ziel hat den Schlüssel {key}',
  'content.third-party-named': 'ein Dritter wird genannt',
  'content.start-required': 'das Anfangsdatum ist erforderlich (R-DURATION)',
  'content.end-required': 'das Enddatum ist erforderlich (R-DURATION)',
  'content.evaluation-required': 'die Bewertungsmodalitäten sind erforderlich',
  'content.aid-required': 'die gewährte zusätzliche Hilfe ist erforderlich',
  'content.incomplete':
    'Der Inhalt ist unvollständig für {moment, select, handover {die Übergabe} other {einen Nachtrag}}: {gaps}',
  'content.ends-before-start': 'Das IPSE kann nicht enden ({endsOn}), bevor es beginnt ({startsOn})',
  'content.community-service':
    'Gemeinnützige Arbeit gab es nur vom 1. November 2016 bis zum 30. September 2018 (vom Verfassungsgerichtshof aufgehoben, Entscheid 86/2018); dieses IPSE wurde am {draftedOn} erstellt',
  'content.volunteering':
    'Seit dem Rundschreiben vom 26. Juli 2018 darf ehrenamtliche Tätigkeit keine Bedingung eines IPSE sein: der Weg 2.3 wird für ein am {draftedOn} erstelltes IPSE abgelehnt',
  'content.reuse-needs-assessment':
    'Das frühere IPSE wird wiederverwendet, aber die Beschäftigung dazwischen (vom {jobFrom} bis zum {jobTo}) dauerte {months} Monate oder länger: eine neue Sozialbilanz, erstellt seit dem {jobFrom} und spätestens am Erstellungsdatum ({draftedOn}), ist erforderlich',
  'content.assessment-first':
    'Bis zum Erstellungsdatum ({draftedOn}) wurde keine Sozialbilanz dieser Person erstellt; erfassen Sie eine, bevor Sie das IPSE übergeben',
  'oblig.student':
    'Ein IPSE für Studierende ist verpflichtend, wenn das ÖSHZ ein Vollzeitstudium aus Billigkeitsgründen annimmt',
  'oblig.no-grant':
    'Bis zum {on} ist keine Bewilligung des Eingliederungseinkommens erfasst: das IPSE ist nur für einen neuen Bezieher des Eingliederungseinkommens verpflichtend',
  'oblig.new':
    'Der seit dem {from} geltende Anspruch auf Eingliederungseinkommen (entschieden am {decidedOn}) folgt auf {months} Monate ohne Eingliederungseinkommen (vom {windowFrom} bis zum {windowTo}): ein neuer Leistungsempfänger, das IPSE ist verpflichtend',
  'oblig.before-reform':
    'Der seit dem {from} geltende Anspruch auf Eingliederungseinkommen begann vor dem 1. November 2016: die Person ist kein neuer Leistungsempfänger im Sinne der Reform von 2016',
  'oblig.not-new':
    'In den {months} Monaten vor dem seit dem {from} geltenden Anspruch (vom {windowFrom} bis zum {windowTo}) wurde Eingliederungseinkommen gezahlt: kein neuer Leistungsempfänger',
  'oblig.age-unknown':
    'Vor dem 1. November 2016 war ein IPSE nur unter {ageLimit} Jahren verpflichtend; das Geburtsdatum ist unbekannt',
  'oblig.age-under':
    'Vor dem 1. November 2016 war ein IPSE für eine Person unter {ageLimit} Jahren verpflichtend; die Person ist am {on} {age} Jahre alt',
  'oblig.age-over':
    'Vor dem 1. November 2016 war ein IPSE nur unter {ageLimit} Jahren verpflichtend; die Person ist am {on} {age} Jahre alt',
  'oblig.refused':
    'Das IPSE ist als verpflichtend erfasst, aber keine Regel macht es am {on} verpflichtend: {why}. Erfassen Sie es als freiwillig oder als Begleitung.',
  'oblig.signed-before-grant':
    'Ein IPSE kann erst am Tag der Bewilligungsentscheidung des Eingliederungseinkommens oder danach unterzeichnet werden (das IPSE darf keine Vorbedingung der Bewilligung sein): unterzeichnet am {signedOn}, die Bewilligung wurde am {decidedOn} entschieden',
  'oblig.signed-without-grant':
    'Ein IPSE kann erst am Tag der Bewilligungsentscheidung des Eingliederungseinkommens oder danach unterzeichnet werden, und für diese Person ist keine Bewilligungsentscheidung erfasst (ein IPSE ohne Eingliederungseinkommen ist ein Begleitungs-IPSE)',
  'oblig.deadline':
    'Das IPSE muss binnen {months} Monaten nach {from, select, notification {der Mitteilung} other {der Entscheidung}} über die Bewilligung des Eingliederungseinkommens vom {start} geschlossen werden: spätestens am {due}',
  'eval.rule-2016':
    'unterzeichnet am {signedOn} (ab dem 1. November 2016): mindestens {minimum} Bewertungen pro 12 Monate, davon {inPerson} persönlich',
  'eval.rule-quarterly':
    'unterzeichnet am {signedOn} (vor dem 1. November 2016): mindestens eine Bewertung pro Quartal',
  'eval.not-signed': 'Bewertungen werden ab der Unterzeichnung des IPSE geplant; es ist nicht unterzeichnet',
  'eval.closed': 'Das IPSE ist abgeschlossen: keine Bewertung ist fällig',
  'eval.next':
    '{rule}; gleichmäßig geplant, ist die nächste spätestens {months} Monate nach {after, select, evaluation {der letzten Bewertung} other {der Unterzeichnung}} ({from}) fällig: {planned}',
  'eval.brought-forward':
    '{base}; vorgezogen auf den {due}, den letzten Tag des Zwölfmonatszeitraums ab dem {periodFrom}, der {count} seiner {minimum} Bewertungen hat',
  'eval.in-person-needed':
    '{base}; noch {needed, plural, one {# persönliches Treffen} other {# persönliche Treffen}} nötig im Zeitraum vom {from} bis zum {to}',
  'eval.in-person-done': '{base}; der Zeitraum vom {from} bis zum {to} hat seine {minimum} persönlichen Treffen',
  'eval.none-started': 'Das IPSE ist nicht unterzeichnet: kein Bewertungszeitraum hat begonnen',
  'eval.none-complete': '{rule}; noch kein Zwölfmonatszeitraum ist abgeschlossen (der erste endet am {firstEnd})',
  'eval.period-count': 'vom {from} bis zum {to}: {count}',
  'eval.frequency-met': '{rule}; jeder vollständige Zeitraum hat mindestens {minimum} ({periods})',
  'eval.frequency-short':
    '{rule}; {short, plural, one {# vollständiger Zeitraum} other {# vollständige Zeiträume}} unter dem Minimum ({periods})',
  'eval.no-in-person-minimum': '{rule}; die damals geltende Regel verlangt kein Minimum an persönlichen Treffen',
  'eval.in-person-met':
    'Jeder vollständige Zwölfmonatszeitraum hat mindestens {minimum} persönliche Bewertungen ({periods})',
  'eval.in-person-short':
    '{short, plural, one {# vollständiger Zwölfmonatszeitraum} other {# vollständige Zwölfmonatszeiträume}} mit weniger als {minimum} persönlichen Bewertungen ({periods})',
  'eval.interview':
    'Beantragt am {requestedOn}: binnen {days} Werktagen zu gewähren (Montag bis Freitag, ohne belgische Feiertage), ab dem folgenden Tag gezählt: spätestens am {due}',
  'eval.interview-holidays': '{base}; übersprungene Feiertage: {holidays}',
  'eval.holiday': '{name} {date}',
  'holiday.name':
    '{name, select, new_year_s_day {Neujahr} easter_monday {Ostermontag} labour_day {Tag der Arbeit} ascension_day {Christi Himmelfahrt} whit_monday {Pfingstmontag} national_day {Nationalfeiertag} assumption {Mariä Himmelfahrt} all_saints_day {Allerheiligen} armistice_day {Waffenstillstand} christmas_day {Weihnachten} other {Feiertag}}',
  'sanction.coaching':
    'Bei einem Begleitungs-IPSE ist keine Sanktion anwendbar (R-OPT-OTHER-USERS): eine Sanktion setzt das Eingliederungseinkommen aus, und ein Begleitungs-IPSE ist nicht daran gebunden',
  'sanction.no-ri':
    'Eine Sanktion setzt das Eingliederungseinkommen aus: die Person bezog es am Tag der Entscheidung, dem {decidedOn}, nicht',
  'sanction.notice-required':
    'Eine Sanktion erfordert eine schriftliche Inverzugsetzung zu diesem IPSE, in Kraft, vor der Entscheidung zugestellt',
  'sanction.notice-late':
    'Die Inverzugsetzung muss vor dem Entscheidungsdatum zugestellt werden: zugestellt am {issuedOn}, entschieden am {decidedOn}',
  'sanction.hearing-missing':
    'Die Person hat eine Anhörung beantragt: die Anhörung muss vor der Entscheidung stattfinden',
  'sanction.hearing-late':
    'Die Person hat eine Anhörung beantragt: die Anhörung vom {heldOn} liegt nach der Entscheidung vom {decidedOn}',
  'sanction.repeat':
    'Eine Wiederholung: die vorige Sanktion wurde am {previous} entschieden, und der {decidedOn} liegt innerhalb von {within} Monaten danach (bis zum {until}): höchstens {max} Monate',
  'sanction.first':
    'Keine Sanktion in den {within} Monaten vor dem {decidedOn} entschieden: höchstens {max, plural, one {# Monat} other {# Monate}}',
  'sanction.too-long': '{why}; eine Aussetzung ab dem {startsOn} darf spätestens am {limit} enden, nicht am {endsOn}',
  'sanction.start-older':
    'Nach den älteren Texten beginnt die Aussetzung am 1. Tag des 2. Monats nach der Entscheidung vom {decidedOn}: am {day}',
  'sanction.start-window':
    'Die Aussetzung beginnt zwischen dem Tag nach der Mitteilung ({notifiedOn} → {from}) und dem 1. Tag des 3. Monats nach der Entscheidung vom {decidedOn} ({until})',
  'sanction.start-outside': '{why}; der {startsOn} liegt außerhalb davon',
  'sanction.appeal':
    'Einspruch beim Arbeitsgericht binnen {months} Monaten nach der Mitteilung vom {notifiedOn}: bis zum {until}',
  'inform.before-signing':
    'Die Person wird vor der Unterzeichnung informiert: informiert am {informedOn}, unterzeichnet am {signedOn}',
  'progress.no-baseline': 'Keine Ausgangs-Sozialbilanz: der Fortschritt wird an der ersten Sozialbilanz gemessen',
  'progress.no-measurement': 'Keine Messung nach der Ausgangsbilanz vom {baseline} bis zum {on}',
  'progress.compared':
    'Ausgangsbilanz vom {baseline} verglichen mit der letzten Messung bis zum {on} ({latest}): Teilhabestufe {rungBefore} → {rungAfter}, {scores}: {progress, select, yes {Fortschritt} other {kein Fortschritt}}',
  'progress.scores':
    'Durchschnittswert über {domains, plural, one {# Bereich} other {# Bereiche}} {before, number, ::.00} → {after, number, ::.00}',
  'progress.no-common-domain': 'kein Bereich beide Male gemessen',
  'subsidy.second-year-due':
    'Der erste Subventionszeitraum läuft ab dem {start} für {months} Monate, bis zum {last}: ein schriftlicher, begründeter Antrag auf ein zweites Jahr muss bis dahin gestellt werden, mit einem an diesem Tag geltenden IPSE',
  'expense.subsidy-name':
    '{subsidy, select, pas {die Subvention für soziale Aktivierung (PAS)} pas2015 {die Subvention 2015–2016 für Teilhabe und soziale Aktivierung} clusters2015 {die Subvention 2015–2016 für Cluster kleiner ÖSHZ und Großstädte} other {die IPSE-Subvention von 10 %}}',
  'expense.already-justified':
    'Dieselbe Rechnung ist bereits unter {subsidy} nachgewiesen: eine Ausgabe wird nur für eine Subvention nachgewiesen',
  'expense.building': 'Der Kauf eines Gebäudes wird nie unter {subsidy} nachgewiesen',
  'expense.renovation':
    'Die Renovierung von Räumen ist eine Investition: von den Subventionen für soziale Aktivierung ausgeschlossen',
  'expense.staff-proof':
    'Personalkosten zählen unter {subsidy} nur mit dem Nachweis der Zuweisung{coaching, select, yes { zur IPSE-Begleitung} other {}} und dem Anteil an der Arbeitszeit',
  'expense.staff-share':
    'Personal: {share, number, ::percent .#} der Arbeitszeit zugewiesen (Nachweis: {proof}): {eligible} von {amount} zählen',
  'expense.rent-link':
    'Miete zählt unter der IPSE-Subvention von 10 % nur, wenn ihr Zusammenhang mit der IPSE-Begleitung nachgewiesen ist (linkJustification)',
  'expense.eligible': 'Ausgabe „{category}“ ist für {subsidy} zulässig: der gesamte Betrag zählt',
  'couple.no-ri': 'Kein Anspruch auf Eingliederungseinkommen: kein verpflichtendes IPSE',
  'couple.not-yet-due': 'Das IPSE ist bis zum {due} fällig, im {month} noch nicht verstrichen',
  'couple.signed': 'Ein IPSE wurde am {signedOn} unterzeichnet',
  'couple.exempted': 'Befreit am {decidedOn}',
  'couple.missing':
    'Das verpflichtende IPSE (Eingliederungseinkommen bewilligt am {grantedOn}) war bis zum {due} fällig; bis Ende {month} wurde keines unterzeichnet und keine Befreiung gewährt',
  'sub.ri-part':
    '{amount} × {covered}/{days} Tage{suspended, plural, =0 {} one { abzüglich # durch eine Sanktion ausgesetzten Tages} other { abzüglich # durch eine Sanktion ausgesetzter Tage}}{partial, select, yes { zu {percent} %} other {}} = {granted}',
  'sub.ri-granted': 'Eingliederungseinkommen bewilligt im {month}: {parts}',
  'sub.no-ri-granted': 'Kein Eingliederungseinkommen bewilligt im {month}',
  'sub.student-no-17': 'Ein IPSE für Studierende folgt einer eigenen Subventionsregelung: kein Code 17',
  'sub.no-first-period': 'Kein erster Subventionszeitraum, daher kein zweites Jahr: {why}',
  'sub.request-late':
    'Der Antrag vom {requestedOn} kam nach dem Ende des ersten Zeitraums am {end}: ein zweites Jahr wird bis dahin beantragt',
  'sub.no-request':
    'Nicht automatisch: kein schriftlicher, begründeter Antrag auf ein zweites Jahr bis zum Ende des ersten Zeitraums ({end})',
  'sub.not-in-force-at-end':
    'Beantragt am {requestedOn}, aber das IPSE ist am letzten Tag des ersten Zeitraums ({end}) nicht in Kraft{closedOn, select, none {} other {: abgeschlossen am {closedOn}}}',
  'sub.withdrawn-near-end':
    'Beantragt am {requestedOn}, aber das Eingliederungseinkommen wurde {withdrawnOn, select, none {} other {am {withdrawnOn} }}am oder kurz vor dem Ende des ersten Zeitraums ({end}) entzogen: das zweite Jahr geht verloren und kann bei einer neuen Bewilligung nicht beantragt werden',
  'sub.interrupted':
    'Beantragt am {requestedOn}, aber das Eingliederungseinkommen wurde während des ersten Zeitraums unterbrochen (vom {from} bis zum {to}): ein zweites Jahr setzt keine Unterbrechung voraus',
  'sub.found-job':
    'Beantragt am {requestedOn}, aber die Person fand am {jobFrom} eine Arbeit, vor dem Ende des ersten Jahres ({end}){jobTo, select, none {} other { und verlor sie am {jobTo}}}: das zweite Jahr geht verloren',
  'sub.became-student':
    'Beantragt am {requestedOn}, aber die Person wurde am {studiesFrom} Studierende und beendete das Studium am {studiesTo}, nach dem ersten Zeitraum ({end}): das zweite Jahr geht verloren',
  'sub.second-year':
    'Zweites Jahr (Code 17) auf den schriftlichen, begründeten Antrag vom {requestedOn}: das IPSE ist am {end}, dem letzten Tag des ersten Zeitraums, in Kraft, und das Eingliederungseinkommen lief ohne Unterbrechung',
  'sub.month-none': '{why}. {ri}',
  'sub.not-in-force':
    'Das am {signedOn} unterzeichnete IPSE ist im {month} nicht in Kraft{end, select, closed { (abgeschlossen am {endedOn})} ended { (es endete am {endedOn})} other {}}: keine Subvention von 10 %',
  'sub.no-ri-paid':
    'Kein Eingliederungseinkommen im {month} gezahlt: die Subvention von 10 % beträgt 10 % des tatsächlich bewilligten Eingliederungseinkommens',
  'sub.interrupt':
    'Das Eingliederungseinkommen wurde im ersten Jahr länger als {limit} Monate unterbrochen (vom {from} bis zum {to}): ein neu unterzeichnetes IPSE ist erforderlich, bevor die Subvention erneut beantragt wird',
  'sub.code-11':
    'Code 11: {month} liegt im ersten Zeitraum des am {signedOn} unterzeichneten IPSE ({start}); 10 % des bewilligten Eingliederungseinkommens. {ri}',
  'sub.after-first': '{month} liegt nach dem ersten Zeitraum, der im {endMonth} endete: {why}',
  'sub.code-17': 'Code 17: {why}; 10 % des bewilligten Eingliederungseinkommens. {ri}',
  'sub.student':
    'Ein IPSE für Studierende (unterzeichnet am {signedOn}) ist in Kraft: getrennt gemeldet unter dem föderalen Code {formCode} ({age, select, over25 {25 Jahre oder älter} unknown {Alter unbekannt, als unter 25 gezählt} other {unter 25}}), ohne die Logik der Codes 11/17',
  'sub.exempted':
    'Am {decidedOn} von einem IPSE befreit (Gesundheit oder Billigkeit): föderaler Code 8, keine Subvention von 10 %',
  'sub.over':
    'Der erste Zeitraum und das zweite Jahr des am {signedOn} unterzeichneten IPSE sind vorbei (ab {month}): keine Subvention von 10 %',
  'sub.due-later': 'Die Subvention von 10 % ist ab dem {from} fällig ({why})',
  'sub.signed-on': 'unterzeichnet am {signedOn}',
  'sub.no-right-opened':
    'Das geltende IPSE ({list}) ergibt keine Subvention von 10 %: kein Anspruch auf Eingliederungseinkommen bei seiner Unterzeichnung eröffnet',
  'sub.no-piis':
    'Kein IPSE unterzeichnet: die Subvention von 10 % ist ab der Unterzeichnung eines IPSE fällig (R-SUB-START)',
  'sub.couple-recovered':
    'Ein Paar zum Satz der Kategorie 3: die 10 % für {month} werden zurückgefordert, weil das verpflichtende IPSE des Partners {partner} fehlt ({why}). Vorher: {was}',
  'sub.couple-once':
    'Ein Paar zum Satz der Kategorie 3: die 10 % für {month} werden einmal berechnet, auf den Monat des Partners {partner}, nie doppelt, auch nicht mit zwei IPSE. Vorher: {was}',
  'start.student':
    'Ein IPSE für Studierende (föderale Codes 9/10) folgt einer eigenen Subventionsregelung: es wird getrennt gemeldet, ohne die Logik der Codes 11/17',
  'start.not-signed': 'Die Subvention von 10 % ist ab der Unterzeichnung des IPSE fällig; es ist nicht unterzeichnet',
  'start.no-right':
    'Zum Zeitpunkt der Unterzeichnung ({signedOn}) oder davor besteht kein Anspruch auf Eingliederungseinkommen: die Subvention von 10 % wird auf das bewilligte Eingliederungseinkommen berechnet',
  'start.period': '{base}; der erste Zeitraum (Code 11) läuft {months} Monate: von {from} bis {to} (R-SUB-FIRST)',
  'start.existing':
    'Ein am {reform} bestehendes IPSE (unterzeichnet am {signedOn}): die Subvention von 10 % ist ab dem {reform} fällig',
  'start.ref-signed': 'unterzeichnet am {signedOn}',
  'start.ref-noted':
    'unterzeichnet am {signedOn}, in einem späteren Monat als die Entscheidung über das Eingliederungseinkommen ({decidedOn}); der Rat nahm am {notedOn} davon Kenntnis, das Datum, das das föderale Formular verwendet',
  'start.same-month':
    'Eingliederungseinkommen bewilligt ab dem {grantDay} und das IPSE {ref} im selben Monat: fällig ab dem Tag der Bewilligung',
  'start.grant-later':
    'Das IPSE {ref}, Eingliederungseinkommen erst ab dem {grantDay} bewilligt: fällig ab dem Tag der Bewilligung',
  'start.first-of-month':
    'Eingliederungseinkommen bewilligt ab dem {grantDay}, das IPSE {ref}: fällig ab dem 1. Tag dieses Monats',
  'ind.share-none': 'Keine Fälle im Jahr ({what}): kein Anteil zu berechnen',
  'ind.share': '{part} von {whole} — {what} (%)',
  'ind.conclusion-case': 'bewilligt am {grantedOn}, fällig bis zum {due}',
  'ind.assessments': 'Personen mit einer Sozialbilanz (in Kraft), erstellt im Jahr {year}',
  'ind.paths':
    'Personen in einem Weg der sozialen Aktivierung (Kategorien 2.1, 2.2, 2.3) über ein im Jahr {year} geltendes IPSE, jede einmal unter ihrem letzten Weg gezählt: die Summe von 2.1, 2.2 und 2.3',
  'ind.path':
    'Personen, deren im Jahr {year} geltendes IPSE zur Wegkategorie {category} gehört{volunteering, select, yes { (ehrenamtliche Tätigkeit: nur vor dem 26. Juli 2018 erstellte IPSE, R-VOLUNTEERING)} other {}}',
  'ind.outcome':
    'Personen, deren Weg der sozialen Aktivierung (ein IPSE der Kategorie 2.1, 2.2 oder 2.3) im Jahr {year} mit dem Ergebnis {outcomes} abgeschlossen wurde',
  'ind.progress':
    'Personen in einem Weg der sozialen Aktivierung im Jahr {year}, die am {on} gegenüber der Sozialbilanz zu Beginn ihres Weges Fortschritte zeigen ({measured} messbar): die Summe von (a), (b) und (c)',
  'ind.entitled':
    'Nutzer des ÖSHZ aus seiner Zielgruppe im Jahr {year}, mit oder ohne finanzielle Hilfe: Personen mit einem Anspruch auf Eingliederungseinkommen oder gleichwertige Hilfe, einer Sozialbilanz oder einem geltenden IPSE an einem Tag des Jahres (eine Zahl, nie eine Liste)',
  'ind.entitled-ri': 'Davon mit Anspruch auf Eingliederungseinkommen an einem Tag im Jahr {year}',
  'ind.entitled-in-path':
    'Davon in einem Weg der sozialen Aktivierung begleitet (ein im Jahr {year} geltendes IPSE der Kategorie 2.1, 2.2 oder 2.3)',
  'ind.what-entitled-ri': 'Anspruchsberechtigte insgesamt auf Anspruchsberechtigte auf Eingliederungseinkommen',
  'ind.what-entitled-path': 'Anspruchsberechtigte insgesamt auf in einem Weg begleitete Anspruchsberechtigte',
  'ind.what-in-time':
    'neue Bezieher des im Jahr {year} bewilligten Eingliederungseinkommens (R-OBLIG-NEW) mit einem unterzeichneten IPSE oder einer Befreiung binnen 3 Monaten (R-OBLIG-DEADLINE)',
  'ind.what-full-reflection':
    'im Jahr {year} geschlossene IPSE, die erstmals nach der vollen Bedenkzeit unterzeichnet wurden (R-REFLECT)',
  'ind.waivers':
    'im Jahr {year} geschlossene IPSE, die vor dem Ende der Bedenkzeit mit einem schriftlichen Verzicht unterzeichnet wurden (R-REFLECT)',
  'ind.what-frequency':
    'vollständige Zwölfmonatszeiträume von IPSE, die im Jahr {year} enden und R-EVAL-FREQ erfüllen (Anzahl und persönliches Minimum)',
  'ind.what-interviews':
    'im Jahr {year} gestellte Anträge auf ein Gespräch, die fristgerecht gewährt wurden (R-EVAL-INTERVIEW)',
  'ind.median-none': 'Kein IPSE im Jahr {year} nach einer Bewilligung des Eingliederungseinkommens geschlossen',
  'ind.median':
    'Median der Tage von der Bewilligungsentscheidung des Eingliederungseinkommens bis zum Abschluss, über {count} im Jahr {year} geschlossene IPSE',
  'ind.suppressed-primary': 'Unterdrückt: die Zahl würde eine Anzahl von 1 bis 4 Personen zeigen (R-IND-PRIVACY)',
  'ind.suppressed-complementary':
    'Unterdrückt, damit eine unterdrückte Anzahl nicht aus den Summen oder den anderen Zahlen zurückgerechnet werden kann (R-IND-PRIVACY)',
  'order.handover-before-draft':
    'Ein IPSE kann nicht übergeben werden ({handedOverOn}), bevor es erstellt wurde ({draftedOn})',
  'order.outcome-before-request': 'Der Ausgang ({on}) kann nicht vor dem Antrag ({requestedOn}) liegen',
  'order.noted-before-signed':
    'Der Rat nimmt von einem unterzeichneten IPSE Kenntnis: notedByCouncilOn kann nicht vor signedOn liegen',
  'order.third-party-before-handover':
    'Ein Dritter unterzeichnet den am {handedOverOn} übergebenen Vertrag, nicht früher',
  'order.evaluation-before-conclusion': 'Eine Bewertung des Vertrags folgt auf seinen Abschluss am {signedOn}',
  'order.interview-before-request': 'Das Gespräch ({heldOn}) kann nicht vor dem Antrag ({requestedOn}) liegen',
  'order.amendment-before-conclusion': 'Ein Nachtrag wird nach dem Abschluss des Vertrags am {signedOn} wirksam',
  'order.end-before-draft': 'Ein IPSE kann nicht enden ({endedOn}), bevor es erstellt wurde ({draftedOn})',
  'order.comply-before-notice':
    'Die Person kommt der Inverzugsetzung danach nach: complyBy kann nicht vor issuedOn liegen',
  'order.notified-before-decided':
    'Eine Entscheidung wird mitgeteilt, nachdem sie getroffen wurde: notifiedOn kann nicht vor decidedOn liegen',
  'order.suspension-reversed': 'Die Aussetzung kann nicht enden, bevor sie beginnt',
  'piis.hearing-blocks':
    'Die Person beantragte am {requestedOn} eine Anhörung, und diese fand bis zum {signedOn} weder statt noch wurde sie zurückgezogen: die Unterzeichnung ist bis dahin gesperrt',
  'piis.no-objective': 'Version {version}, bewertet am {heldOn}, hat kein Ziel {key}',
  'piis.assessment-unknown': 'assessmentId nennt keine Sozialbilanz dieses Leistungsempfängers',
  'piis.amendment-signature-missing':
    'Ein Nachtrag erfordert die Zustimmung beider Parteien: die Unterschrift {party, select, beneficiary {des Leistungsempfängers} cpas {des ÖSHZ} other {des Dritten}} fehlt',
  'piis.evaluation-unknown': 'evaluationId nennt keine geltende Bewertung dieses IPSE',
  'view.no-deadline':
    'Ein {obligation, select, optional {freiwilliges} coaching {Begleitungs-} other {solches}} IPSE hat keine Abschlussfrist',
  'view.no-grant':
    'Keine Bewilligung des Eingliederungseinkommens erfasst: die Frist von 3 Monaten läuft ab der Bewilligungsentscheidung',
  'view.concluded-within': 'Geschlossen am {signedOn}, innerhalb der Frist: {why}',
  'view.concluded-late': 'Geschlossen am {signedOn}, nach Ablauf der Frist: {why}',
  'view.exempted-within': 'Befreit ({reason}) am {decidedOn}, innerhalb der Frist: {why}',
  'view.deadline-passed': 'Nicht geschlossen und die Frist ist abgelaufen: {why}',
  'view.not-yet-concluded': 'Noch nicht geschlossen; {why}',
  'view.reflection-pending': 'Beurteilt, sobald das IPSE übergeben und unterzeichnet ist',
  'view.signed-after-period': 'Unterzeichnet ab dem {signedOn}, nach der vollen Frist: {why}',
  'view.signed-under-waiver':
    'Unterzeichnet am {signedOn} mit einem schriftlichen Verzicht, erfasst am {recordedOn}: {why}',
  'view.not-handed-over': 'Berechnet ab der Übergabe zur Bedenkzeit; das IPSE ist noch nicht übergeben',
  'deadline.concluded': '{why}; geschlossen am {signedOn}{late, select, yes {, verspätet} other {}}',
  'deadline.not-concluded': '{why}; noch kein IPSE geschlossen und keine Befreiung (R-EXEMPT) erfasst',
  'deadline.piis-end':
    'Der Vertrag endet am {endsOn}: schließen Sie ihn ab (R-CLOSE) oder verlängern Sie ihn durch einen Nachtrag (R-PROLONG)',
  'deadline.extension-asked': '{why}; beantragt am {requestedOn}',
  'deadline.extension-not-automatic':
    '{why}; nur für eine Person, die der Eingliederung besonders fern steht — nicht automatisch',
  'deadline.hearing-closed':
    'Anhörung beantragt am {requestedOn}, {outcome, select, held {abgehalten} other {zurückgezogen}} am {closedOn}',
  'deadline.hearing-open':
    'Anhörung beantragt am {requestedOn}: fällig ab diesem Tag, bis sie abgehalten oder zurückgezogen ist; die Unterzeichnung ist bis dahin gesperrt',
  'deadline.interview-held': '{why}; abgehalten am {heldOn}{late, select, yes {, verspätet} other {}}',
  'deadline.appeal': '{why}; erfüllt, sobald die Frist abgelaufen ist',
  'report.justification-pas':
    '{count, plural, one {# Ausgabe} other {# Ausgaben}}: {eligible} zulässig, {ineligible} nicht; die PAS-Subvention wird vom ÖPD SI festgelegt (mehr als die Subvention nachzuweisen ist erlaubt)',
  'report.justification-piis10':
    '{count, plural, one {# Ausgabe} other {# Ausgaben}}: {eligible} zulässig für die IPSE-Subvention von 10 % für {year}, berechnet auf {subsidy} (der Subventionsbericht); {ineligible} zählen nicht',
  'report.national':
    '{count} ÖSHZ. Zahlen, die eine Anzahl von 1 bis 4 Personen zeigen würden, werden unterdrückt, mit ergänzender Unterdrückung, damit keine aus den landesweiten Summen oder den anderen Zahlen zurückgerechnet werden kann',
  'report.extract':
    'Eine Zeile pro IPSE und Jahr von {from} bis {to} (ein Jahr, in dem es erstellt oder geschlossen wurde und an einem Tag in Kraft war), alle ÖSHZ. Personen und IPSE sind verschlüsselte Pseudonyme für den Zweck „{purpose}“; kein Name, keine NISS, kein Freitext und keine Gesundheitsdaten (R-IND-PRIVACY). Ein pseudonymisierter Auszug bleibt ein personenbezogenes Datum: bewahren Sie ihn gemäß der DSGVO auf.',
  'code.language.fr': 'Französisch',
  'code.language.nl': 'Niederländisch',
  'code.language.de': 'Deutsch',
  'code.rightKind.ri': 'Eingliederungseinkommen',
  'code.rightKind.equivalent_aid': 'Gleichwertige Sozialhilfe',
  'code.rightKind.end': 'Ende des Anspruchs',
  'code.rightCategory.cohabitant': 'Zusammenwohnend (Kategorie 1)',
  'code.rightCategory.isolated': 'Alleinstehend (Kategorie 2)',
  'code.rightCategory.family': 'Mit Familie zu Lasten (Kategorie 3)',
  'code.situationKind.employment': 'Beschäftigung',
  'code.situationKind.studies': 'Studium',
  'code.situationKind.training': 'Ausbildung',
  'code.exemptionReason.health': 'Gesundheitliche Gründe',
  'code.exemptionReason.equity': 'Billigkeitsgründe',
  'code.domain.finances': 'Finanzen',
  'code.domain.daily_activities': 'Tagesaktivitäten',
  'code.domain.housing': 'Wohnen',
  'code.domain.family_relations': 'Familienbeziehungen',
  'code.domain.mental_health': 'Psychische Gesundheit',
  'code.domain.physical_health': 'Körperliche Gesundheit',
  'code.domain.addiction': 'Sucht',
  'code.domain.basic_daily_living': 'Grundlegende Alltagsaktivitäten',
  'code.domain.instrumental_daily_living': 'Instrumentelle Alltagsaktivitäten',
  'code.domain.social_network': 'Soziales Netzwerk',
  'code.domain.social_participation': 'Gesellschaftliche Teilhabe',
  'code.domain.justice': 'Justiz',
  'code.domain.language': 'Sprache',
  'code.domain.mobility': 'Mobilität',
  'code.domain.digital_skills': 'Digitale Kompetenzen',
  'code.domain.administration': 'Verwaltung',
  'code.domain.employment': 'Beschäftigung',
  'code.domain.training': 'Ausbildung',
  'code.participationRung.1': 'Isoliert',
  'code.participationRung.2': 'Soziale Kontakte außer Haus',
  'code.participationRung.3': 'Organisierte Aktivitäten',
  'code.participationRung.4': 'Unbezahlte Arbeit',
  'code.participationRung.5': 'Bezahlte Arbeit mit Unterstützung',
  'code.participationRung.6': 'Bezahlte Arbeit',
  'code.assessmentKind.initial': 'Erstmalig',
  'code.assessmentKind.intermediate': 'Zwischenzeitlich',
  'code.assessmentKind.final': 'Abschließend',
  'code.track.general': 'Allgemein (föderaler Code 11)',
  'code.track.student': 'Student (föderale Codes 9/10)',
  'code.obligation.compulsory': 'Verpflichtend',
  'code.obligation.optional': 'Fakultativ',
  'code.obligation.coaching': 'Begleitinstrument',
  'code.activationCategory.2.1': 'Vorbereitung eines sozialberuflichen Weges',
  'code.activationCategory.2.2': 'Workshops und Aktivierungsmodule',
  'code.activationCategory.2.3': 'Ehrenamt',
  'code.activationCategory.community_service': 'Gemeinschaftsdienst (nur 2016-11-01 bis 2018-09-30)',
  'code.party.beneficiary': 'Leistungsempfänger',
  'code.party.cpas': 'ÖSHZ',
  'code.party.third_party': 'Dritter',
  'code.assessmentInstrument.default': 'Standardinstrument (Bereichswerte und Teilhabeleiter)',
  'code.piisStatus.draft': 'Entwurf',
  'code.piisStatus.in_reflection': 'In Bedenkzeit',
  'code.piisStatus.signed': 'Unterzeichnet (noch nicht begonnen)',
  'code.piisStatus.active': 'Laufend',
  'code.piisStatus.closed': 'Abgeschlossen',
  'code.versionKind.initial': 'Ursprünglicher Vertrag',
  'code.versionKind.amendment': 'Nachtrag',
  'code.versionKind.prolongation': 'Verlängerung',
  'code.evaluationMode.in_person': 'Persönlich',
  'code.evaluationMode.remote': 'Aus der Ferne',
  'code.evaluationMode.written': 'Schriftlich',
  'code.objectiveStatus.achieved': 'Erreicht',
  'code.objectiveStatus.progressing': 'In Arbeit',
  'code.objectiveStatus.not_started': 'Nicht begonnen',
  'code.objectiveStatus.abandoned': 'Aufgegeben',
  'code.closeOutcome.employment': 'Beschäftigung',
  'code.closeOutcome.training_started': 'Ausbildung begonnen',
  'code.closeOutcome.studies_completed': 'Studium abgeschlossen',
  'code.closeOutcome.socio_professional_path': 'Sozialberuflicher Weg',
  'code.closeOutcome.reinforced_autonomy': 'Gestärkte Selbstständigkeit',
  'code.closeOutcome.volunteering': 'Ehrenamt',
  'code.closeOutcome.moved': 'Umzug zu einem anderen ÖSHZ',
  'code.closeOutcome.ri_ended': 'Ende des EE-Anspruchs',
  'code.closeOutcome.abandoned': 'Abgebrochen',
  'code.closeOutcome.deceased': 'Verstorben',
  'code.closeOutcome.other': 'Sonstiges',
  'code.role.social_worker': 'Sozialarbeiter',
  'code.role.cpas_manager': 'ÖSHZ-Verantwortlicher',
  'code.role.cpas_auditor': 'ÖSHZ-Prüfer',
  'code.role.integration': 'Software-Integration',
  'code.role.spp_analyst': 'ÖPD SI-Analyst',
  'code.role.platform_admin': 'Plattformadministrator',
  'export.beneficiary': 'Begünstigter',
  'export.month': 'Monat',
  'export.code': 'Code',
  'export.form-code': 'Formularcode',
  'export.ri-granted': 'Gewährtes EE (€)',
  'export.10-subsidy': 'Zuschuss 10 % (€)',
  'export.piis': 'IPSE',
  'export.rule': 'Regel',
  'export.explanation': 'Erläuterung',
  'export.indicator': 'Indikator',
  'export.value': 'Wert',
  'export.theme': 'Thema',
  'export.module': 'Modul',
  'export.partners': 'Partner',
  'export.sessions': 'Sitzungen',
  'export.hours': 'Stunden',
  'export.participants': 'Teilnehmer',
  'export.of-whom-ri-beneficiaries': 'Davon EE-Bezieher',
  'export.notes': 'Bemerkungen',
  'export.expense': 'Ausgabe',
  'export.category': 'Kategorie',
  'export.description': 'Beschreibung',
  'export.amount': 'Betrag (€)',
  'export.eligible': 'Förderfähig (€)',
  'export.cpas-kbo': 'ÖSHZ (ZDU)',
  'export.name': 'Name',
  'export.suppressed': 'Statistische Geheimhaltung',
  'export.person-pseudonym': 'Person (Pseudonym)',
  'export.piis-pseudonym': 'IPSE (Pseudonym)',
  'export.year': 'Jahr',
  'export.track': 'Bereich',
  'export.obligation': 'Verpflichtung',
  'export.activation-category': 'Aktivierungskategorie',
  'export.age-band': 'Alter',
  'export.drafted': 'Erstellt',
  'export.concluded': 'Geschlossen',
  'export.closed': 'Beendet',
  'export.outcome': 'Ergebnis',
  'export.evaluations': 'Bewertungen',
  'export.of-them-in-person': 'Davon persönlich',
  'export.interviews-requested': 'Beantragte Gespräche',
  'export.sanctions': 'Sanktionen',
  'code.expenseCategory.staff': 'Personal',
  'code.expenseCategory.rent': 'Miete',
  'code.expenseCategory.activity': 'Aktivität',
  'code.expenseCategory.equipment': 'Ausstattung',
  'code.expenseCategory.building_purchase': 'Kauf eines Gebäudes',
  'code.expenseCategory.renovation': 'Renovierung',
  'code.expenseCategory.other': 'Sonstiges',
  'code.subsidy.piis10': 'IPSE-Subvention von 10 %',
  'code.subsidy.pas': 'Subvention für soziale Aktivierung (PAS)',
  'code.formCode.8': 'Von einem IPSE befreit (Gesundheit oder Billigkeit)',
  'code.formCode.9': 'IPSE für Studierende, unter 25',
  'code.formCode.10': 'IPSE für Studierende, 25 oder älter',
  'code.formCode.11': 'Erster Subventionszeitraum',
  'code.formCode.17': 'Zweites Subventionsjahr',
  'code.suppression.primary': 'Unterdrückt: Anzahl von 1 bis 4 Personen',
  'code.suppression.complementary': 'Unterdrückt zum Schutz einer anderen Zahl',
  'export.belgium': 'Belgien',
  'export.label-of': '{column} (Bezeichnung)',
  'doc.title': 'Individuelles Projekt zur sozialen Eingliederung (IPSE)',
  'doc.version': 'Version {n} — {kind}',
  'doc.parties': 'Parteien',
  'doc.cpas': 'Das ÖSHZ',
  'doc.kbo': 'Unternehmensnummer',
  'doc.address': 'Anschrift',
  'doc.contact': 'Kontakt',
  'doc.phone': 'Tel. {phone}',
  'doc.not-recorded': 'nicht im ÖSHZ-Register erfasst',
  'doc.person': 'Die Person',
  'doc.niss': 'NISS',
  'doc.born': 'geboren am {date}',
  'doc.third-parties': 'Dritte',
  'doc.contract': 'Das Projekt',
  'doc.track': 'Art des Projekts',
  'doc.obligation': 'Charakter',
  'doc.drafted-on': 'Erstellt am',
  'doc.duration': 'Laufzeit',
  'doc.period': 'vom {from} bis zum {to}',
  'doc.not-set': 'nicht festgelegt',
  'doc.effective': 'Wirksam ab dem {date}',
  'doc.reason': 'Grund',
  'doc.domains': 'Bereiche',
  'doc.activation-category': 'Weg der sozialen Aktivierung',
  'doc.objectives': 'Ziele',
  'doc.due': 'bis: {date}',
  'doc.commitments': 'Verpflichtungen',
  'doc.commitments-of-person': 'Verpflichtungen der Person',
  'doc.commitments-of-cpas': 'Verpflichtungen des ÖSHZ',
  'doc.commitments-of-third': 'Verpflichtungen von {name} (Dritter)',
  'doc.for-objectives': 'Ziele: {keys}',
  'doc.evaluation': 'Evaluierungsmodalitäten',
  'doc.evaluation-rule':
    '{quarterly, select, yes {Das Projekt wird mindestens einmal pro Quartal evaluiert.} other {Das Projekt wird mindestens dreimal pro Zeitraum von zwölf Monaten evaluiert, davon mindestens zweimal in einem persönlichen Gespräch.}}',
  'doc.supplementary-aid': 'Zusätzliche Hilfe',
  'doc.rights': 'Ihre Rechte',
  'doc.assistance':
    'Während der Verhandlung über das Projekt können Sie sich von einer Person Ihrer Wahl beistehen lassen.',
  'doc.assisted-by': 'Ihr Beistand war {name} ({relation}).',
  'doc.not-assisted': 'Sie hatten keinen Beistand.',
  'doc.reflection': 'Sie haben eine Bedenkzeit von 5 Kalendertagen, bevor Sie das Projekt unterzeichnen.',
  'doc.handed-over': 'Das Projekt wurde Ihnen am {date} ausgehändigt: Sie können es ab dem {earliest} unterzeichnen.',
  'doc.hearing': 'Sie können beantragen, vor der Unterzeichnung vom Rat oder Ausschuss des ÖSHZ angehört zu werden.',
  'doc.interview':
    'Während des Projekts können Sie ein Gespräch beantragen: Das ÖSHZ gewährt es innerhalb von 5 Werktagen.',
  'doc.consequences-title': 'Wenn die Verpflichtungen nicht eingehalten werden',
  'doc.consequences':
    'Wenn Sie Ihre Verpflichtungen ohne rechtmäßigen Grund nicht einhalten, kann das ÖSHZ nach einer schriftlichen Inverzugsetzung Ihr Eingliederungseinkommen ganz oder teilweise für höchstens einen Monat aussetzen, bei Wiederholung innerhalb eines Jahres für höchstens drei Monate.',
  'doc.heard-before-sanction':
    'Vor einer solchen Entscheidung haben Sie das Recht, angehört zu werden, mit dem Beistand einer Person Ihrer Wahl.',
  'doc.appeal':
    'Sie können gegen eine Entscheidung des ÖSHZ binnen drei Monaten nach ihrer Mitteilung Einspruch beim Arbeitsgericht einlegen.',
  'doc.signatures': 'Unterschriften',
  'doc.signed': '{party}: {name}, am {date}',
  'doc.not-signed': 'Diese Version ist noch nicht unterzeichnet.',
  'doc.signature-name': 'Name',
  'doc.signature-date': 'Datum',
  'doc.signature': 'Unterschrift',
  'doc.read-and-approved': 'Gelesen und genehmigt',
  'doc.reference': 'Referenz {id}',
  'doc.page': 'Seite {n} / {of}',
  'doc.field': '{label}: {value}',
  'rule.R-ID-NISS': 'NISS-/BIS-Nummer: 11 Ziffern, Modulo-97-Prüfung, das Jahrhundert ist das der zutreffenden Regel',
  'rule.R-ID-KBO': 'ZDU-Unternehmensnummer: 10 Ziffern, Prüfung = 97 − (erste 8 Ziffern mod 97)',
  'rule.R-ID-NIS': 'NIS-Gemeindecode: 5 Ziffern, gültig zwischen Daten (Gemeindefusionen)',
  'rule.R-RIGHT':
    'Der Anspruch auf Eingliederungseinkommen ist eine Folge von Entscheidungen des ÖSHZ: Bewilligungen, Änderungen, die ab einem Datum ersetzen, Beendigungen',
  'rule.R-EXEMPT': 'Befreiung vom IPSE aus gesundheitlichen Gründen oder aus Billigkeitsgründen (föderaler Code 8)',
  'rule.R-CORRECT':
    'Tatsachen mit Rechtswirkung werden mit Begründung berichtigt (ersetzt) oder aufgehoben, nie geändert',
  'rule.R-OBLIG-NEW':
    'Ein IPSE ist für jeden neuen Bezieher des Eingliederungseinkommens verpflichtend (kein Eingliederungseinkommen in den 3 Monaten vor der Bewilligung); vor dem 1. November 2016 nur für unter 25-Jährige in den vorgesehenen Fällen',
  'rule.R-OBLIG-DEADLINE':
    'Das IPSE wird binnen 3 Monaten nach der Bewilligungsentscheidung des Eingliederungseinkommens geschlossen und nie davor unterzeichnet',
  'rule.R-OPT-EMPLOYED':
    'Nicht verpflichtend, wenn eine Beschäftigung und ein ergänzendes Eingliederungseinkommen zusammen gewährt werden (freiwillig)',
  'rule.R-OPT-OTHER-USERS':
    'Ein IPSE kann ein Begleitungsinstrument für jeden Nutzer des ÖSHZ sein; keine Sanktion ist darauf anwendbar',
  'rule.R-STUDENT':
    'Ein IPSE für Studierende ist verpflichtend, wenn das ÖSHZ ein Vollzeitstudium aus Billigkeitsgründen annimmt; es läuft während des Studiums (föderale Codes 9/10)',
  'rule.R-REUSE':
    'Bei einer Person, die aus einer Beschäftigung von weniger als 3 Monaten zurückkommt, kann das frühere IPSE ohne neue Sozialbilanz aktualisiert und neu unterzeichnet werden',
  'rule.R-COUPLE': 'Jeder Partner eines Paares wird für die Verpflichtung getrennt geprüft',
  'rule.R-ASSESS-FIRST':
    'Eine Sozialbilanz der Person, spätestens am Erstellungsdatum erstellt, geht der Übergabe voraus (außer unter R-REUSE)',
  'rule.R-ASSESS-BASELINE': 'Die erste Sozialbilanz ist die Ausgangsbasis, mit der spätere verglichen werden',
  'rule.R-ASSIST':
    'Während der Verhandlung kann sich die Person von einer Person ihrer Wahl beistehen lassen (erfasst)',
  'rule.R-INFORM':
    'Vor der Unterzeichnung oder Änderung wird die Person über Inhalt, Tragweite und Folgen informiert (Datum erfasst)',
  'rule.R-REFLECT':
    'Eine Bedenkzeit von 5 Kalendertagen vor der Unterzeichnung: frühestmögliche Unterzeichnung = Übergabe + 6 Tage',
  'rule.R-HEARING':
    'Ein anhängiger Antrag auf Anhörung sperrt die Unterzeichnung, bis die Anhörung stattgefunden hat oder zurückgezogen ist',
  'rule.R-CONTENT':
    'Ein übergebenes oder unterzeichnetes IPSE enthält Ziele, an Ziele gebundene Verpflichtungen jeder Partei, Bereiche, eine Laufzeit, Bewertungsmodalitäten und die zusätzliche Hilfe',
  'rule.R-PARTIES':
    'Der Vertrag ist unterzeichnet, wenn der Leistungsempfänger und das ÖSHZ unterzeichnet haben; Dritte können ebenfalls unterzeichnen',
  'rule.R-SIGNED-VERSION':
    'Was unterzeichnet ist, ist eine unveränderliche Version; Änderungen nach der Unterzeichnung sind Nachträge, die eine neue Version schaffen',
  'rule.R-KIND':
    'Seit dem 1. November 2016 keine getrennten rechtlichen Arten mehr: allgemeiner Bereich (Code 11) oder Studierende (9/10), Bereiche, Kategorie der sozialen Aktivierung 2.1/2.2/2.3',
  'rule.R-SOCIAL-ACTIVATION':
    'Soziale Aktivierung = gesellschaftlich nützliche Tätigkeiten; berufliche Aktivierung ist keine soziale Aktivierung',
  'rule.R-COMMUNITY-SERVICE':
    'Gemeinnützige Arbeit gab es nur vom 1. November 2016 bis zum 30. September 2018 (Verfassungsgerichtshof, Entscheid 86/2018)',
  'rule.R-VOLUNTEERING':
    'Ehrenamtliche Tätigkeit darf keine Bedingung eines ab dem 26. Juli 2018 erstellten IPSE sein (Weg 2.3 abgelehnt)',
  'rule.R-EVAL-FREQ':
    'Bewertungen: mindestens 3 pro 12 Monate, davon 2 persönlich (unterzeichnet ab dem 1. November 2016); davor vierteljährlich',
  'rule.R-EVAL-INTERVIEW':
    'Ein von der Person beantragtes Gespräch wird binnen 5 Werktagen gewährt (ohne belgische Feiertage)',
  'rule.R-EVAL-CONTENT':
    'Eine Bewertung erfasst Datum, Form, Fortschritt je Ziel, eingehaltene Verpflichtungen, Anpassungen und die bewertete Version',
  'rule.R-PROGRESS': 'Fortschritt: Teilhabestufe oder durchschnittlicher Bereichswert höher als in der Ausgangsbilanz',
  'rule.R-DURATION': 'Die Laufzeit ist verpflichtend (Anfangs- und Enddatum); kein allgemeines Höchstmaß',
  'rule.R-AMEND':
    'Ein Nachtrag erfordert die Unterschrift beider Parteien und R-INFORM, ohne Bedenkzeit; er schafft eine neue Version, die ab seinem Datum gilt',
  'rule.R-PROLONG': 'Ein IPSE wird durch einen Nachtrag verlängert, der das Enddatum mit Begründung verschiebt',
  'rule.R-CLOSE': 'Der Abschluss erfasst das tatsächliche Enddatum und ein Ergebnis',
  'rule.R-SANCTION-SCOPE':
    'Eine Sanktion gilt nur für eine Person, die am Tag der Entscheidung Eingliederungseinkommen bezieht, unter einem verpflichtenden oder freiwilligen IPSE',
  'rule.R-SANCTION-NOTICE':
    'Eine Sanktion erfordert eine vor der Entscheidung zugestellte schriftliche Inverzugsetzung, das Fehlen eines rechtmäßigen Grundes und die von der Person beantragte Anhörung',
  'rule.R-SANCTION-LENGTH':
    'Aussetzung von höchstens einem Monat; drei Monate bei Wiederholung (Entscheidung binnen eines Jahres nach der vorigen)',
  'rule.R-SANCTION-START':
    'Die Aussetzung beginnt zwischen dem Tag nach der Mitteilung und dem 1. Tag des 3. Monats nach der Entscheidung',
  'rule.R-SANCTION-APPEAL': 'Einspruch beim Arbeitsgericht binnen 3 Monaten nach der Mitteilung',
  'rule.R-SUB-START':
    'Die Subvention von 10 % ist ab dem 1. Tag des Unterzeichnungsmonats fällig (ab dem Bewilligungstag, wenn beide in denselben Monat fallen; ab dem 1. November 2016 für ein damals bestehendes IPSE)',
  'rule.R-SUB-FIRST':
    'Erste Subvention (föderaler Code 11): der Anfangsmonat und die 11 Monate danach, solange das IPSE in Kraft ist und das Eingliederungseinkommen gezahlt wird',
  'rule.R-SUB-STUDENT': 'IPSE für Studierende (Codes 9/10) werden getrennt gemeldet, ohne die Logik der Codes 11/17',
  'rule.R-SUB-RATE':
    'Solange ein IPSE besteht, fügt der Staat der Erstattung 10 % des tatsächlich bewilligten Eingliederungseinkommens hinzu',
  'rule.R-SUB-SECOND':
    'Ein zweites Jahr (Code 17) nur auf schriftlichen, begründeten Antrag, mit einem am letzten Tag des ersten Zeitraums geltenden IPSE und ohne Unterbrechung',
  'rule.R-SUB-INTERRUPT':
    'Eine Unterbrechung des Eingliederungseinkommens von mehr als 3 Monaten im ersten Jahr erfordert ein neu unterzeichnetes IPSE, bevor die Subvention erneut beantragt wird',
  'rule.R-SUB-COUPLE':
    'Ein Paar zum Satz der Kategorie 3: die 10 % einmal auf diesen Betrag, nie doppelt; zurückgefordert, wenn für einen der Partner ein verpflichtendes IPSE fehlt',
  'rule.R-SUB-EXPLAIN': 'Jeder berechnete Monat trägt seinen Code (11, 17 oder keinen) und den Grund',
  'rule.R-IND-2015':
    'Indikatoren der Vereinbarung: Leistungsempfänger mit einer Sozialbilanz; in einem Weg der sozialen Aktivierung über ein IPSE, 2 = 2.1 + 2.2 + 2.3',
  'rule.R-IND-OUTCOMES':
    'Ergebnisse: sozialberuflicher Weg, gestärkte Selbstständigkeit, Ehrenamt, Beschäftigung; Fortschritt am 31. Dezember',
  'rule.R-IND-ENTITLED':
    'Anspruchsberechtigte mit zwei Verhältnissen: mit Anspruch auf Eingliederungseinkommen und in einem Weg begleitet; nie eine namentliche Liste',
  'rule.R-IND-COMPLIANCE':
    'Pro ÖSHZ und Jahr: binnen 3 Monaten geschlossen oder befreit, volle Bedenkzeit, Häufigkeit der Bewertungen, fristgerechte Gespräche, Median der Tage von der Bewilligung bis zur Unterzeichnung',
  'rule.R-SUB-COSTS':
    'Unter den 10 % nachgewiesene Kosten: Personal mit Nachweis der Zuweisung, für seinen Anteil an der Arbeitszeit; Miete mit ihrem Zusammenhang mit der IPSE-Begleitung; nie der Kauf eines Gebäudes',
  'rule.R-PAS-COSTS':
    'PAS-Kosten: eine Ausgabe nur unter einer Subvention; Renovierung und Kosten der beruflichen Aktivierung ausgeschlossen; mehr als die Subvention nachzuweisen ist erlaubt',
  'rule.R-PAS-MODULES':
    'Kollektive Module in einer Tabelle gemeldet: Thema, Partner, Sitzungen, Stunden, Teilnehmer und davon Bezieher des Eingliederungseinkommens',
  'rule.R-IND-PRIVACY':
    'Übersichten über ÖSHZ hinweg: Zellen von 1 bis 4 Personen mit ergänzender Unterdrückung unterdrückt; Auszüge unter verschlüsselten Pseudonymen, ohne Kennungen, Freitext oder Gesundheitsdaten; jeder Download wird protokolliert',
  'code.indicator.assessments':
    'Gesamtzahl der Begünstigten, für die eine Sozialbilanz erstellt wird (Screening + Wahl des Weges)',
  'code.indicator.activationPaths':
    'Gesamtzahl der Begünstigten in einem Weg der sozialen Aktivierung über ein IPSE (2 = 2.1 + 2.2 + 2.3)',
  'code.indicator.activationPaths.2.1': 'über einen Weg zur Vorbereitung eines sozialberuflichen Weges',
  'code.indicator.activationPaths.2.2':
    'über einen Weg zu Workshops, Dynamisierungsmodulen oder partizipativen Ateliers',
  'code.indicator.activationPaths.2.3': 'über einen Weg zur ehrenamtlichen Tätigkeit',
  'code.indicator.outcomes.socioProfessional': 'Wege, die geführt haben zu (a) einem sozialberuflichen Weg',
  'code.indicator.outcomes.autonomy': 'Wege, die geführt haben zu (b) gestärkter Selbstständigkeit',
  'code.indicator.outcomes.volunteering': 'Wege, die geführt haben zu (c) ehrenamtlicher Tätigkeit',
  'code.indicator.outcomes.employment': 'Wege, die geführt haben zu (d) einer Beschäftigung',
  'code.indicator.progress':
    'Begünstigte in einem Weg der sozialen Aktivierung, bei denen das ÖSHZ am 31. Dezember Fortschritte feststellt',
  'code.indicator.entitled.total': 'Zahl der Anspruchsberechtigten',
  'code.indicator.entitled.ri': 'Anspruchsberechtigte auf soziale Eingliederung',
  'code.indicator.entitled.inPath': 'In einem Weg begleitete Anspruchsberechtigte',
  'code.indicator.entitled.riPercent':
    'Anspruchsberechtigte insgesamt ÷ Anspruchsberechtigte auf soziale Eingliederung (%)',
  'code.indicator.entitled.inPathPercent':
    'Anspruchsberechtigte insgesamt ÷ in einem Weg begleitete Anspruchsberechtigte (%)',
  'code.indicator.compliance.concludedInTime': 'Binnen 3 Monaten geschlossen oder befreit (%)',
  'code.indicator.compliance.fullReflection': 'Nach der vollen Bedenkzeit unterzeichnet (%)',
  'code.indicator.compliance.reflectionWaivers': 'Mit Verzicht auf die Bedenkzeit unterzeichnet',
  'code.indicator.compliance.evaluationFrequency': 'Zwölfmonatszeiträume mit ihren Bewertungen (%)',
  'code.indicator.compliance.interviewsInTime': 'Fristgerecht gewährte Gespräche (%)',
  'code.indicator.compliance.medianDaysToSignature': 'Median der Tage von der Bewilligung bis zur Unterzeichnung',
  'content.reuse-open-job':
    'Das frühere IPSE wird wiederverwendet, aber für die Beschäftigung dazwischen (seit dem {jobFrom}) ist kein Ende erfasst: ohne eine beendete Beschäftigung von weniger als {months} Monaten ist eine neue Sozialbilanz erforderlich, erstellt seit dem {jobFrom} und spätestens am Erstellungsdatum ({draftedOn})',
  'content.reuse-no-job':
    'Das frühere IPSE wird wiederverwendet, aber dazwischen ist keine Beschäftigung erfasst: ohne eine Beschäftigung von weniger als {months} Monaten ist eine neue Sozialbilanz erforderlich, erstellt seit dem {since} und spätestens am Erstellungsdatum ({draftedOn})',
  'ind.progress-towards':
    'Personen in einem Weg der Kategorie {category} im Jahr {year}, die am {on} gegenüber der Sozialbilanz zu seinem Beginn Fortschritte zeigen: Fortschritt in Richtung dieses Weges',
  'ind.ratio': '{total} ÷ {base} — {what} (%)',
  'ind.piis-in-force': 'Personen mit einem an einem Tag im Jahr {year} geltenden IPSE (jeder Art, jedes Bereichs)',
  'ind.piis-concluded': 'Im Jahr {year} geschlossene IPSE (von der Person und dem ÖSHZ unterzeichnet)',
  'ind.piis-closed': 'Im Jahr {year} abgeschlossene IPSE, unabhängig vom Ergebnis',
  'ind.piis-past-end':
    'Geschlossene IPSE, deren Enddatum in das Jahr {year} fällt und für die kein Abschluss erfasst ist: nach diesem Datum trägt jedes eine überschrittene piis-end-Frist, bis es abgeschlossen oder verlängert wird',
  'code.indicator.progress.socioProfessional': '(a) Fortschritt hin zu einem sozialberuflichen Weg',
  'code.indicator.progress.autonomy': '(b) Fortschritt hin zu gestärkter Selbstständigkeit',
  'code.indicator.progress.volunteering': '(c) Fortschritt hin zu ehrenamtlicher Tätigkeit',
  'code.indicator.piis.inForce': 'Personen mit einem geltenden IPSE',
  'code.indicator.piis.concluded': 'Geschlossene IPSE',
  'code.indicator.piis.closed': 'Abgeschlossene IPSE',
  'code.indicator.piis.pastEndOpen': 'IPSE an ihrem Enddatum und nie abgeschlossen',
  'code.indicatorGroup.socialActivation': 'Soziale Aktivierung',
  'code.indicatorGroup.piis': 'Alle IPSE',
  'code.indicatorSection.objectives': 'Quantitative Ziele',
  'code.indicatorSection.progress': 'Fortschritt am 31. Dezember',
  'code.indicatorSection.results': 'Ergebnisse der Wege',
  'code.indicatorSection.entitled': 'Anspruchsberechtigte',
  'code.indicatorSection.piis': 'IPSE',
  'code.indicatorSection.compliance': 'Einhaltung',
  'export.section': 'Abschnitt',
  'export.spp-number': 'Nr.',
  'duration.not-concluded': 'Der Vertrag ist nicht geschlossen oder hat noch kein Enddatum',
  'duration.closed': 'Abgeschlossen am {endedOn}',
  'duration.running': 'Läuft bis zum {endsOn}',
  'duration.past-end':
    'Der Vertrag endete am {endsOn}, vor {days, plural, one {# Tag} other {# Tagen}}, und es ist kein Abschluss erfasst: schließen Sie ihn ab (R-CLOSE) oder verlängern Sie ihn durch einen Nachtrag (R-PROLONG)',
  'duration.no-dates': 'Noch kein Beginn- oder Enddatum',
  'duration.no-maximum':
    'Es gilt keine Höchstdauer: nur ein unter der Vereinbarung 2015–2016 begonnener Weg der sozialen Aktivierung (2.1–2.3) dauerte höchstens ein Jahr',
  'duration.convention-path':
    'Ein am {startsOn} unter der Vereinbarung 2015–2016 begonnener Weg der sozialen Aktivierung dauert höchstens {months} Monate, also bis zum {latest}; dieser läuft bis zum {endsOn}{within, select, yes {: innerhalb der Grenze} other {: über die Grenze hinaus}}',
  'check.household-family-only':
    'nur eine Entscheidung über das Eingliederungseinkommen zum Satz der Kategorie 3 (Familie zu Lasten) kann ein Teil eines Haushaltsbetrags sein',
  'check.household-below-share':
    'der ganze Betrag der Kategorie 3 des Haushalts kann nicht niedriger sein als der Anteil dieses Partners ({share})',
  'sub.couple-shared':
    'Ein Paar zum Satz der Kategorie 3, dessen Betrag in Anteilen an beide Partner gezahlt wird: die 10 % für {month} werden einmal auf das Eingliederungseinkommen des Haushalts für den Monat berechnet, {whole} ({own} an diesen Partner, {other} an Partner {partner}): {total}, davon {mine} auf diesen Monat. Vorher: {was}',
  'content.social-activation':
    'Ein Weg der sozialen Aktivierung (Kategorie {category}) verlangt Inhalte der sozialen Aktivierung, doch alle Bereiche dieses IPSE sind berufliche Aktivierung ({domains}): fügen Sie einen sozialen Bereich hinzu (Sprache, Mobilität, Budget, gesellschaftliche Teilhabe…) oder lassen Sie die Kategorie weg (R-SOCIAL-ACTIVATION)',
  'expense.professional':
    'Kosten der beruflichen Aktivierung (Arbeitssuche, berufliche Ausbildung, Praktikum) werden nie unter {subsidy} nachgewiesen',
  'expense.art40-staff':
    'Zusätzliches Personal der Art „{role}“ fällt unter die Personalsubvention nach Artikel 40 des Gesetzes, nie unter die IPSE-Subvention von 10 %',
  'check.convention-years': '{subsidy} gibt es nur für die Jahre der Vereinbarung 2015–2016, nicht für {year}',
  'code.subsidy.pas2015': 'Teilhabe und soziale Aktivierung 2015–2016',
  'code.subsidy.clusters2015': 'Cluster kleiner ÖSHZ und Großstädte 2015–2016',
  'code.staffRole.coaching': 'Begleitung',
  'code.staffRole.administrative': 'Verwaltung',
  'code.staffRole.ict': 'IKT',
  'code.activationKind.social': 'Soziale Aktivierung',
  'code.activationKind.professional': 'Berufliche Aktivierung',
  'code.moduleTheme.language': 'Sprache',
  'code.moduleTheme.literacy': 'Alphabetisierung',
  'code.moduleTheme.mobility': 'Mobilität (Fahrrad, öffentlicher Verkehr)',
  'code.moduleTheme.budget': 'Budget',
  'code.moduleTheme.energy': 'Energie',
  'code.moduleTheme.digital': 'Digitale Kompetenzen',
  'code.moduleTheme.administration': 'Umgang mit den eigenen Verwaltungsunterlagen',
  'code.moduleTheme.citizenship': 'Bürgerschaft und Wahlen',
  'code.moduleTheme.punctuality': 'Pünktlichkeit und Zeit',
  'code.moduleTheme.health_wellbeing': 'Gesundheit und Wohlbefinden',
  'code.moduleTheme.parenting': 'Elternschaft',
  'code.moduleTheme.social_contacts': 'Soziale Kontakte',
  'code.moduleTheme.culture_leisure': 'Kultur und Freizeit',
  'code.moduleTheme.other_social': 'Sonstige soziale Aktivierung',
  'code.moduleTheme.job_search': 'Arbeitssuche',
  'code.moduleTheme.vocational_training': 'Berufliche Ausbildung',
  'code.moduleTheme.work_placement': 'Betriebspraktikum',
  'code.moduleTheme.other_professional': 'Sonstige berufliche Aktivierung',
  'problem.no-convention': 'Keine Vereinbarung zur sozialen Aktivierung in jenem Jahr',
  'export.activation': 'Aktivierung',
  'export.niss': 'NISS',
  'export.family-name': 'Name',
  'export.given-name': 'Vorname',
  'form.title-pas': 'Einheitlicher Bericht — Teilhabe und soziale Aktivierung',
  'form.title-piis10': 'Einheitlicher Bericht — spezifische IPSE-Subvention (10 %)',
  'form.form': 'Formular',
  'form.cpas-kbo': 'Unternehmensnummer des ÖSHZ (ZDU)',
  'form.cpas-name': 'ÖSHZ',
  'form.year': 'Jahr',
  'form.modules-count': 'Kollektive Module mit einer Sitzung im Jahr',
  'form.modules-sessions': 'Sitzungen der kollektiven Module',
  'form.modules-hours': 'Stunden der kollektiven Module',
  'form.modules-professional': 'Module der beruflichen Aktivierung ausgelassen (nicht zulässig)',
  'form.justification-expenses': 'Erfasste Ausgaben',
  'form.justification-justified': 'Nachgewiesene zulässige Kosten',
  'form.justification-ineligible': 'Nicht zulässige Kosten',
  'form.justification-balance': 'Nachgewiesene Kosten abzüglich der Subvention',
  'form.code-months': 'Monate unter diesem föderalen Code',
  'form.code-ri': 'In diesen Monaten gewährtes Eingliederungseinkommen',
  'form.code-subsidy': 'Subvention von 10 % dieser Monate',
  'form.subsidy-total': 'Für das Jahr geschuldete Subvention von 10 %',
  'form.student-months': 'Monate unter einem IPSE für Studierende, gesondert gemeldet (Codes 9/10)',
  'form.exempted-months': 'Monate unter einer Befreiung (Code 8)',
  'form.sheet-form': 'Formular',
  'form.sheet-modules': 'Kollektive Module',
  'form.sheet-expenses': 'Kosten',
  'form.sheet-months': 'Begünstigte',
  'export.section-label': 'Teil',
  'export.line': 'Zeile',
  'export.label': 'Rubrik',
  'export.text': 'Text',
  'export.subsidy': 'Subvention',
  'code.formSection.identification': 'Identifikation',
  'code.formSection.objectives': 'Quantitative Ziele',
  'code.formSection.progress': 'Fortschritt am 31. Dezember',
  'code.formSection.results': 'Ergebnisse der Wege',
  'code.formSection.entitled': 'Anspruchsberechtigte',
  'code.formSection.modules': 'Kollektive Module',
  'code.formSection.subsidy': 'Subvention des Jahres',
  'code.formSection.justification': 'Nachweis der Kosten',
  'code.formSection.piis': 'IPSE',
  'code.formSection.compliance': 'Einhaltung',
  'export.theme-label': 'Thema (Bezeichnung)',
  'check.module-mark': 'das Thema „{theme}“ ist {kind}: die Markierung kann nichts anderes sagen',
  'export.target': 'Ziel',
  'export.result': 'Ergebnis',
  'export.reached': 'Erreicht',
  'export.yes-no': '{answer, select, yes {ja} other {nein}}',
  'convention.no-such-year':
    'Die Vereinbarung zur sozialen Aktivierung galt nur für 2015 und 2016, nicht für {year} (ab 2017 fragt der PAS-Bericht stattdessen die Anspruchsberechtigten und die kollektiven Module ab)',
  'convention.split': '2 = 2.1 + 2.2 + 2.3: die angegebene Aufteilung ergibt {sum}, nicht die {total} Wege von Ziel 2',
  'convention.reasons-required': 'Ziele nicht alle erreicht: sagen Sie warum (reasonsNotMet)',
  'convention.evaluation-due':
    'Der Abschlussbericht der Vereinbarung {year} ist bis zum {due} fällig (28. Februar des Folgejahres); der Restbetrag von 50 % wird nach seiner Genehmigung durch den Minister gezahlt',
  'convention.explained':
    'Ziele 1 und 2 (2 = 2.1 + 2.2 + 2.3, die Aufteilung indikativ) den Ergebnissen des Jahres gegenübergestellt; Fortschritt und Ergebnisse der Wege, wie die Bewertung sie abfragt. {due}',
  'convention.not-recorded':
    'Für {year} ist keine Vereinbarung erfasst: die Ergebnisse des Jahres werden ohne Ziele gezeigt. {due}',
  'convention.objectives-met': 'Wurden die Ziele der Vereinbarung erreicht',
  'convention.partnerships': 'Durch welche Partnerschaften oder Kooperationen',
  'convention.reasons': 'Warum Ziele nicht erreicht wurden',
  'convention.met': '{met, select, yes {ja} partly {teilweise} other {nein}}',
  'problem.activation-mark-missing': 'Soziale oder berufliche Aktivierung nicht angegeben',
  'check.expense-mark':
    'eine unter {subsidy} belegte Ausgabe muss angeben, ob sie der sozialen oder der beruflichen Aktivierung dient: Kosten der beruflichen Aktivierung sind ausgeschlossen (R-PAS-COSTS)',
  'check.module-theme-mark':
    'das Thema „{theme}“ ist kein Code der Liste: geben Sie an, ob das Modul soziale oder berufliche Aktivierung ist (R-SOCIAL-ACTIVATION)',
  'http.method-not-allowed': '{path} beantwortet {method} nicht, sondern {allowed}',
};
