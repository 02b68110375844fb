package dev.leadport.imports.mapping;

import dev.leadport.leads.LeadField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers other tools write for each target: HubSpot, Salesforce, Pipedrive, Zoho, Wave, FreshBooks, Google
 * Contacts, Outlook, Thunderbird and hand-made Excel sheets, in English, German, French, Spanish and Polish, and the
 * usual Japanese, Chinese and Korean words. Matching is on normalised words, so case, spaces, hyphens and underscores need no entries of their own.
 */
final class HeaderSynonyms {

    private HeaderSynonyms() {}

    /** Targets in priority order (a tie goes to the earlier one) with their synonyms. */
    static Map<ColumnTarget, List<String>> standard() {
        Map<ColumnTarget, List<String>> synonyms = new LinkedHashMap<>();
        synonyms.put(
                ColumnTarget.field(LeadField.EMAIL),
                List.of(
                        "email address",
                        "email 1",
                        "email 1 address",
                        "email1",
                        "email 2",
                        "email 2 address",
                        "email 3",
                        "email 3 address",
                        "primary email",
                        "secondary email",
                        "work email",
                        "business email",
                        "personal email",
                        "home email",
                        "other email",
                        "contact email",
                        "email id",
                        "mail",
                        // German, French, Spanish, Polish
                        "email adresse",
                        "mailadresse",
                        "adresse email",
                        "courriel",
                        "adresse electronique",
                        "correo",
                        "correo electronico",
                        "adres email",
                        // Japanese, Chinese, Korean
                        "メールアドレス",
                        "メール",
                        "電子郵件",
                        "电子邮件",
                        "电子邮箱",
                        "邮箱",
                        "郵箱",
                        "이메일",
                        "전자우편"));
        synonyms.put(
                ColumnTarget.field(LeadField.PHONE),
                List.of(
                        "phone number",
                        "mobile",
                        "mobile phone",
                        "mobile number",
                        "business phone",
                        "work phone",
                        "telephone",
                        "telephone number",
                        "tel",
                        "cell",
                        "cell phone",
                        "primary phone",
                        "phone 1",
                        "phone 2",
                        "phone 3",
                        "direct phone",
                        "contact phone",
                        "home phone",
                        "other phone",
                        // German, French, Spanish, Polish
                        "telefon",
                        "telefonnummer",
                        "mobiltelefon",
                        "mobil",
                        "handy",
                        "handynummer",
                        "portable",
                        "telephone portable",
                        "numero de telephone",
                        "telefono",
                        "movil",
                        "celular",
                        "telefono movil",
                        "telefon komorkowy",
                        // Japanese, Chinese, Korean
                        "電話番号",
                        "電話",
                        "携帯電話",
                        "电话",
                        "電話號碼",
                        "手机",
                        "手機",
                        "电话号码",
                        "전화번호",
                        "전화",
                        "휴대폰",
                        "휴대전화"));
        synonyms.put(
                ColumnTarget.field(LeadField.FIRST_NAME),
                List.of(
                        "first",
                        "given name",
                        "fname",
                        "forename",
                        "contact first name",
                        "lead first name",
                        "vorname",
                        "prenom",
                        "nombre",
                        "imie",
                        "名"));
        synonyms.put(
                ColumnTarget.field(LeadField.LAST_NAME),
                List.of(
                        "last",
                        "surname",
                        "family name",
                        "lname",
                        "contact last name",
                        "lead last name",
                        "nachname",
                        "familienname",
                        "nom",
                        "nom de famille",
                        "apellido",
                        "apellidos",
                        "nazwisko",
                        "姓"));
        synonyms.put(
                ColumnTarget.field(LeadField.COMPANY),
                List.of(
                        "company name",
                        "organization",
                        "organisation",
                        "organization name",
                        "organisation name",
                        "organization 1 name",
                        "account name",
                        "account",
                        "employer",
                        "business name",
                        "customer name",
                        "firma",
                        "firmenname",
                        "unternehmen",
                        "societe",
                        "entreprise",
                        "raison sociale",
                        "empresa",
                        "compania",
                        "organizacion",
                        "会社名",
                        "会社",
                        "公司",
                        "公司名称",
                        "회사",
                        "회사명"));
        synonyms.put(
                ColumnTarget.field(LeadField.JOB_TITLE),
                List.of(
                        "title",
                        "position",
                        "job position",
                        "role",
                        "job role",
                        "designation",
                        "occupation",
                        "organization title",
                        "organization 1 title",
                        "contact title",
                        "funktion",
                        "berufsbezeichnung",
                        "fonction",
                        "titre",
                        "cargo",
                        "puesto",
                        "stanowisko",
                        "役職",
                        "职位",
                        "職位",
                        "職稱",
                        "职务",
                        "직책",
                        "직위"));
        synonyms.put(
                ColumnTarget.field(LeadField.STATUS),
                List.of("lead status", "contact status", "lifecycle stage", "stage", "deal stage", "statut", "estado"));
        synonyms.put(
                ColumnTarget.field(LeadField.SOURCE),
                List.of(
                        "lead source",
                        "original source",
                        "source of lead",
                        "original source type",
                        "channel",
                        "quelle",
                        "origine",
                        "origen",
                        "fuente"));
        synonyms.put(
                ColumnTarget.field(LeadField.OWNER),
                List.of(
                        "contact owner",
                        "lead owner",
                        "person owner",
                        "assigned to",
                        "account owner",
                        "record owner",
                        "owner email",
                        "owner name",
                        "sales rep",
                        "salesperson",
                        "assignee",
                        "verantwortlich",
                        "proprietaire",
                        "propietario"));
        synonyms.put(
                ColumnTarget.field(LeadField.NOTES),
                List.of(
                        "note",
                        "description",
                        "comments",
                        "comment",
                        "remarks",
                        "details",
                        "bemerkung",
                        "bemerkungen",
                        "notizen",
                        "kommentar",
                        "remarques",
                        "commentaires",
                        "notas",
                        "comentarios",
                        "observaciones",
                        "備考",
                        "メモ",
                        "备注",
                        "備註",
                        "메모",
                        "비고"));
        synonyms.put(
                ColumnTarget.FULL_NAME,
                List.of(
                        "name",
                        "full name",
                        "contact name",
                        "lead name",
                        "person",
                        "person name",
                        "display name",
                        "nom complet",
                        "nombre completo",
                        "氏名",
                        "名前",
                        "姓名",
                        "이름",
                        "성명"));
        // The other system's record id; "Id" is Salesforce's, and Leadport's own export's "ID" is told apart by the
        // mapper (its other headers are Leadport's own).
        synonyms.put(
                ColumnTarget.field(LeadField.EXTERNAL_ID),
                List.of(
                        "id",
                        "record id",
                        "salesforce id",
                        "sfdc id",
                        "hubspot id",
                        "hubspot record id",
                        "contact id",
                        "lead id",
                        "crm id",
                        "zoho id",
                        "pipedrive id",
                        "person id",
                        "source id",
                        "external key"));
        // Read for the phone region of its row; a custom field called country takes the column first.
        synonyms.put(
                ColumnTarget.COUNTRY,
                List.of(
                        "country code",
                        "mailing country",
                        "billing country",
                        "address country",
                        "country region",
                        "land",
                        "pays",
                        "pais"));
        return synonyms;
    }
}
