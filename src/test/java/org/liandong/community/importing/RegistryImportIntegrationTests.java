package org.liandong.community.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.liandong.community.importing.ImportSheets.allResidents;
import static org.liandong.community.importing.ImportSheets.awaitFinished;
import static org.liandong.community.importing.ImportSheets.csv;
import static org.liandong.community.importing.ImportSheets.csvWithHeader;
import static org.liandong.community.importing.ImportSheets.idFromRedirect;
import static org.liandong.community.importing.ImportSheets.person;
import static org.liandong.community.importing.ImportSheets.residents;
import static org.liandong.community.importing.ImportSheets.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.RegistryWriter;
import org.liandong.platform.ChineseIdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff upload a sheet, see every problem, and commit all or nothing; on H2 and on PostgreSQL. */
@LiandongTest
class RegistryImportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired RegistryWriter writer;
    @Autowired TransactionTemplate tx;

    Fixtures.TestStreet street;
    Fixtures.TestCommunity a;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        a = street.a();
        staffA = users.loadUserByUsername(a.staffUsername());
    }

    UUID upload(UserDetails who, String community, String fileName, byte[] bytes) throws Exception {
        var location = mvc.perform(multipart("/registry/import")
                        .file(new MockMultipartFile("file", fileName, "text/csv", bytes))
                        .param("community", community).with(user(who)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var id = idFromRedirect(location);
        awaitFinished(jdbc, id);
        return id;
    }

    String page(UUID id, String lang) throws Exception {
        return mvc.perform(get("/registry/import/{id}", id).param("lang", lang).with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    void commit(UUID id) throws Exception {
        mvc.perform(post("/registry/import/{id}/commit", id).with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        awaitFinished(jdbc, id);
    }

    static int rowsShown(String html) {
        return html.split("data-row=\"", -1).length - 1;
    }

    @Test
    void aValidSheetOf200RowsCommitsAndTheResidentsCanBeFound() throws Exception {
        var ids = new ArrayList<ChineseIdNumber>();
        var rows = ImportSheets.households(a.buildingNames(), 100, "导入", ids);
        rows.get(1).set(Column.VULNERABILITIES.ordinal(), "独居老人、残疾");
        rows.get(1).set(Column.DISABILITY_GRADE.ordinal(), "二级");
        rows.get(1).set(Column.PHONE.ordinal(), "13912340001");
        var before = residents(jdbc, a.id());

        var id = upload(staffA, a.id(), "居民表.csv", csv(rows));
        assertThat(status(jdbc, id)).isEqualTo("READY");
        var preview = page(id, "zh_CN");
        assertThat(preview).contains("全部 200 行检查通过").doesNotContain("disabled=\"disabled\"");
        assertThat(rowsShown(preview)).isZero();

        commit(id);
        assertThat(status(jdbc, id)).isEqualTo("COMMITTED");
        assertThat(residents(jdbc, a.id())).isEqualTo(before + 200);
        assertThat(page(id, "zh_CN")).contains("新建 100 户，新增 200 位居民");
        mvc.perform(get("/residents").param("q", "导入0乙").param("community", a.id()).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("导入0乙")))
                .andExpect(content().string(containsString("独居老人")));
        mvc.perform(get("/residents").param("q", ids.get(150).value()).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("导入75甲")));
        assertThat(jdbc.sql("select count(*) from vulnerability where community_id = :c and kind = 'DISABILITY' and grade = '二级'")
                .param("c", a.id()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from registry_import_content where import_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select subject_label from audit_entry where action = 'IMPORT_RESIDENTS' and subject_id = :id
                and community_id = :c and subject_type = 'registry_import'""")
                .param("id", id.toString()).param("c", a.id()).query(String.class).single())
                .isEqualTo("居民表.csv (200)");
        // the same sheet again: every ID number is now in the registry
        var again = upload(staffA, a.id(), "居民表.csv", csv(rows));
        assertThat(status(jdbc, again)).isEqualTo("INVALID");
        assertThat(page(again, "zh_CN")).contains("这个身份证号已经在登记表中");
    }

    @Test
    void fiveBadRowsAreShownWithTheirReasonsInBothLanguagesAndNothingIsWritten() throws Exception {
        var ids = new ArrayList<ChineseIdNumber>();
        var rows = ImportSheets.households(a.buildingNames(), 10, "好", ids);
        // rows are numbered from 2 (row 1 is the header)
        var badId = ids.get(2).value();
        rows.get(2).set(Column.ID_NUMBER.ordinal(), badId.substring(0, 17) + (badId.charAt(17) == '0' ? '1' : '0')); // row 4
        rows.get(5).set(Column.BIRTH_DATE.ordinal(), ids.get(5).birthDate().plusDays(1).toString());           // row 7
        rows.get(9).set(Column.BUILDING.ordinal(), "不存在楼");                                                 // row 11
        rows.get(11).set(Column.PHONE.ordinal(), "12345");                                                     // row 13
        rows.get(14).set(Column.NAME.ordinal(), "");                                                          // row 16
        var before = allResidents(jdbc);

        var id = upload(staffA, a.id(), "bad.csv", csv(rows));
        assertThat(status(jdbc, id)).isEqualTo("INVALID");
        var zh = page(id, "zh_CN");
        assertThat(rowsShown(zh)).isEqualTo(5);
        for (var row : List.of(4, 7, 11, 13, 16)) {
            assertThat(zh).contains("data-row=\"" + row + "\"");
        }
        assertThat(zh).contains("有 5 行需要修改", "身份证号校验位不对", "与身份证号中的出生日期（" + ids.get(5).birthDate() + "）不一致",
                "本社区没有楼栋“不存在楼”", "手机号应为 11 位大陆手机号", "必填，不能为空", "disabled=\"disabled\"");
        var en = page(id, "en");
        assertThat(rowsShown(en)).isEqualTo(5);
        assertThat(en).contains("5 rows need fixing", "The check digit of the ID number is wrong",
                "Differs from the birth date in the ID number (" + ids.get(5).birthDate() + ")",
                "This community has no building called “不存在楼”", "A phone number must be an 11-digit",
                "Required, but empty", "Date of birth", "Building");

        mvc.perform(post("/registry/import/{id}/commit", id).with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(status(jdbc, id)).isEqualTo("INVALID");
        assertThat(allResidents(jdbc)).isEqualTo(before);

        var problems = mvc.perform(get("/registry/import/{id}/problems.csv", id).param("lang", "en").with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problems.lines().count()).isEqualTo(6);
        assertThat(problems).contains("4,ID number,", "16,Name,\"Required");
    }

    @Test
    void fileThatIsNoSheetGetsAClearMessageNeverAnError() throws Exception {
        var junk = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(junk);
        var id = upload(staffA, a.id(), "junk.xlsx", junk);
        assertThat(status(jdbc, id)).isEqualTo("REJECTED");
        assertThat(page(id, "zh_CN")).contains("这不是表格文件");
        assertThat(page(id, "en")).contains("This is not a spreadsheet");

        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        var zipped = upload(staffA, a.id(), "fake.xlsx", zip.toByteArray());
        assertThat(status(jdbc, zipped)).isEqualTo("REJECTED");
        assertThat(page(zipped, "zh_CN")).contains("不是有效的 Excel（.xlsx）文件");

        var ole = upload(staffA, a.id(), "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});
        assertThat(page(ole, "zh_CN")).contains("旧版 Excel（.xls）");

        mvc.perform(multipart("/registry/import").file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .param("community", a.id()).with(user(staffA)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("文件是空的")));
        mvc.perform(multipart("/registry/import").param("community", a.id()).with(user(staffA)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择要上传的文件")));

        var wrong = upload(staffA, a.id(), "wrong.csv", csvWithHeader("姓名,籍贯,民族,楼栋", "张三,上海,汉,1号楼"));
        assertThat(status(jdbc, wrong)).isEqualTo("REJECTED");
        var wrongPage = page(wrong, "zh_CN");
        assertThat(wrongPage).contains("表头缺少必填的列", "室号", "性别", "出生日期", "身份证号", "与户主关系");
        assertThat(page(wrong, "en")).contains("The header row lacks these required columns", "Date of birth");

        var headerOnly = upload(staffA, a.id(), "header.csv", csv(List.of()));
        assertThat(page(headerOnly, "zh_CN")).contains("表格只有表头，没有数据行");
    }

    @Test
    void aGbkSheetWithEnglishHeadersIsReadCorrectly() throws Exception {
        var head = Fixtures.nextIdNumber();
        var child = Fixtures.nextIdNumber();
        var text = "Building,Room,Name,Sex,Date of birth,ID number,Phone,Relation to head,Residence,Needs\r\n"
                + String.join(",", a.buildingNames().get(0), "702", "欧阳淑芬", head.male() ? "男" : "女",
                head.birthDate().toString().replace('-', '/'), head.value(), "", "户主", "实住", "需要轮椅") + "\r\n"
                + String.join(",", a.buildingNames().get(0), "702", "欧阳小龙", child.male() ? "M" : "F",
                child.birthDate().toString(), child.value(), "", "子女", "", "") + "\r\n";
        var id = upload(staffA, a.id(), "gbk.csv", text.getBytes(Charset.forName("GBK")));
        assertThat(status(jdbc, id)).isEqualTo("READY");
        commit(id);
        assertThat(status(jdbc, id)).isEqualTo("COMMITTED");
        var stored = jdbc.sql("select name, residence, needs from resident where community_id = :c and name like '欧阳%' order by name")
                .param("c", a.id()).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
                .list();
        assertThat(stored).containsExactly("欧阳小龙/REGISTERED/null", "欧阳淑芬/ACTUAL/需要轮椅");
    }

    @Test
    void overLongFieldsMarkupAndUnknownWordsAreRefused() throws Exception {
        var rows = new ArrayList<List<String>>();
        var b = a.buildingNames().get(1);
        rows.add(person(b, "501", "<script>alert(1)</script>", Fixtures.nextIdNumber(), "户主"));
        rows.add(person(b, "501", "名".repeat(51), Fixtures.nextIdNumber(), "配偶"));
        var longRoom = person(b, "5".repeat(21), "长室号", Fixtures.nextIdNumber(), "户主");
        rows.add(longRoom);
        var longNeeds = person(b, "502", "长备注", Fixtures.nextIdNumber(), "户主");
        longNeeds.set(Column.NEEDS.ordinal(), "药".repeat(501));
        rows.add(longNeeds);
        var words = person(b, "503", "怪词", Fixtures.nextIdNumber(), "房东");
        words.set(Column.RESIDENCE.ordinal(), "暂住");
        words.set(Column.VULNERABILITIES.ordinal(), "富裕");
        rows.add(words);
        var before = allResidents(jdbc);
        var id = upload(staffA, a.id(), "long.csv", csv(rows));
        var html = page(id, "zh_CN");
        assertThat(rowsShown(html)).isEqualTo(5);
        assertThat(html).contains("不能包含 &lt; &gt; 或控制字符", "太长：最多 50 个字", "太长：最多 20 个字", "太长：最多 500 个字",
                "不认识的关系“房东”", "不认识的居住类型“暂住”", "不认识的困难类型“富裕”", "这是新的一户，但没有一行的")
                .doesNotContain("<script>");
        assertThat(allResidents(jdbc)).isEqualTo(before);
    }

    @Test
    void duplicateIdNumbersInTheFileAndInTheRegistryAreFound() throws Exception {
        var known = Fixtures.nextIdNumber();
        var b = street.b();
        tx.executeWithoutResult(s -> writer.residents(List.of(new RegistryWriter.NewResident(UUID.randomUUID(), b.id(),
                b.households().get(0), "已登记", known.male() ? 'M' : 'F', known.birthDate(), known, null,
                Relation.OTHER, Residence.REGISTERED, null, null, Set.of(), null))));
        var twice = Fixtures.nextIdNumber();
        var bn = a.buildingNames().get(2);
        var rows = List.of(person(bn, "601", "甲一", twice, "户主"), person(bn, "601", "甲二", Fixtures.nextIdNumber(), "配偶"),
                person(bn, "602", "乙一", Fixtures.nextIdNumber(), "户主"), person(bn, "602", "乙二", twice, "子女"),
                person(bn, "603", "丙一", known, "户主"));
        var id = upload(staffA, a.id(), "dup.csv", csv(rows));
        var html = page(id, "zh_CN");
        assertThat(rowsShown(html)).isEqualTo(3);
        assertThat(html).contains("data-row=\"2\"", "data-row=\"5\"", "data-row=\"6\"",
                "这个身份证号与第 5 行重复", "这个身份证号与第 2 行重复", "这个身份证号已经在登记表中");
    }

    @Test
    void twoHeadsOrNoneInANewHouseholdAreRefused() throws Exception {
        var bn = a.buildingNames().get(0);
        var rows = List.of(person(bn, "901", "头一", Fixtures.nextIdNumber(), "户主"),
                person(bn, "901", "头二", Fixtures.nextIdNumber(), "本人"),
                person(bn, "902", "无头", Fixtures.nextIdNumber(), "子女"),
                // an existing household of the fixtures (room 101) already has its head
                person(a.buildingNames().get(0), "101", "新户主", Fixtures.nextIdNumber(), "户主"),
                person(a.buildingNames().get(1), "102", "新成员", Fixtures.nextIdNumber(), "子女"));
        var id = upload(staffA, a.id(), "heads.csv", csv(rows));
        var html = page(id, "en");
        assertThat(rowsShown(html)).isEqualTo(3);
        assertThat(html).contains("data-row=\"3\"", "data-row=\"4\"", "data-row=\"5\"",
                "This household already has a head (row 2)", "no row in it has the relation",
                "already has a head in the registry");
    }

    @Test
    void staffCannotImportIntoOrSeeAnotherCommunity() throws Exception {
        var rows = ImportSheets.households(street.b().buildingNames(), 2, "越界", new ArrayList<>());
        mvc.perform(multipart("/registry/import").file(new MockMultipartFile("file", "b.csv", "text/csv", csv(rows)))
                        .param("community", street.b().id()).with(user(staffA)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from registry_import where community_id = :c").param("c", street.b().id())
                .query(Long.class).single()).isZero();

        var staffB = users.loadUserByUsername(street.b().staffUsername());
        var mine = upload(staffA, a.id(), "a.csv", csv(ImportSheets.households(a.buildingNames(), 1, "本社区",
                new ArrayList<>())));
        mvc.perform(get("/registry/import/{id}", mine).with(user(staffB))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("a.csv"))));
        mvc.perform(get("/registry/import/{id}/problems.csv", mine).with(user(staffB))).andExpect(status().isNotFound());
        mvc.perform(post("/registry/import/{id}/commit", mine).with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(status(jdbc, mine)).isEqualTo("READY");
        var resident = users.loadUserByUsername(fixtures.residentAccount(a));
        mvc.perform(get("/registry/import").with(user(resident))).andExpect(status().isForbidden());
    }

    @Test
    void aCommitIsRefusedWhenTheRegistryChangedAfterThePreview() throws Exception {
        var ids = new ArrayList<ChineseIdNumber>();
        var rows = ImportSheets.households(a.buildingNames(), 20, "变化", ids);
        var id = upload(staffA, a.id(), "changed.csv", csv(rows));
        assertThat(status(jdbc, id)).isEqualTo("READY");
        // someone registers the person of row 31 in another community meanwhile
        var taken = ids.get(29);
        var b = street.b();
        tx.executeWithoutResult(s -> writer.residents(List.of(new RegistryWriter.NewResident(UUID.randomUUID(), b.id(),
                b.households().get(1), "抢先登记", taken.male() ? 'M' : 'F', taken.birthDate(), taken, null,
                Relation.OTHER, Residence.REGISTERED, null, null, Set.of(), null))));
        var before = residents(jdbc, a.id());
        var households = jdbc.sql("select count(*) from household where community_id = :c").param("c", a.id())
                .query(Long.class).single();

        commit(id);
        assertThat(status(jdbc, id)).isEqualTo("REFUSED");
        assertThat(residents(jdbc, a.id())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from household where community_id = :c").param("c", a.id())
                .query(Long.class).single()).isEqualTo(households);
        var html = page(id, "zh_CN");
        assertThat(rowsShown(html)).isEqualTo(1);
        assertThat(html).contains("data-row=\"31\"", "预览之后登记表有了变化", "这个身份证号已经在登记表中");
        mvc.perform(post("/registry/import/{id}/commit", id).with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(status(jdbc, id)).isEqualTo("REFUSED");
    }

    @Test
    void idNumbersAreStoredOnlyEncrypted() throws Exception {
        var ids = new ArrayList<ChineseIdNumber>();
        var rows = ImportSheets.households(a.buildingNames(), 3, "加密", ids);
        var id = upload(staffA, a.id(), "cipher.csv", csv(rows));
        commit(id);
        assertThat(status(jdbc, id)).isEqualTo("COMMITTED");
        var stored = jdbc.sql("select id_number_cipher, id_number_hash, id_number_tail from resident where community_id = :c and name like '加密%'")
                .param("c", a.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(stored).hasSize(6);
        for (var row : stored) {
            assertThat(row.get(0)).startsWith("v1:");
            assertThat(row.get(1)).matches("[0-9a-f]{64}");
            for (var idNumber : ids) {
                assertThat(row.get(0)).doesNotContain(idNumber.value()).doesNotContain(idNumber.value().substring(0, 14));
                assertThat(row.get(1)).isNotEqualTo(idNumber.value()).doesNotContain(idNumber.value());
            }
        }
        assertThat(stored.stream().map(r -> r.get(2)).toList())
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(ChineseIdNumber::tail).toList());
    }

    @Test
    void anXlsxWithATitleRowDatesAndMergedCellsIsRead() throws Exception {
        var head = Fixtures.nextIdNumber();
        var spouse = Fixtures.nextIdNumber();
        var third = Fixtures.nextIdNumber();
        var out = new ByteArrayOutputStream();
        var book = new Workbook(out, "Test", "1.0");
        var sheet = book.newWorksheet("居民");
        sheet.value(0, 0, "某某社区居民登记表（2026 年）");
        var headers = ImportTemplate.headers();
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(1, c, headers.get(c));
        }
        Object[][] data = {
                {a.buildingNames().get(0), 808, "表格甲", head.male() ? "男" : "女", head.birthDate(), head.value(), 13912340002L, "户主"},
                {"", 808, "表格乙", spouse.male() ? "男" : "女", spouse.birthDate(), spouse.value(), null, "配偶"},
                {a.buildingNames().get(0), 809, "表格丙", third.male() ? "男" : "女", third.birthDate(),
                        Double.parseDouble(third.value().replace('X', '0')), null, "户主"}};
        for (int r = 0; r < data.length; r++) {
            for (int c = 0; c < data[r].length; c++) {
                var v = data[r][c];
                switch (v) {
                    case null -> { }
                    case String s -> sheet.value(r + 2, c, s);
                    case LocalDate d -> {
                        sheet.value(r + 2, c, d);
                        sheet.style(r + 2, c).format("yyyy-mm-dd").set();
                    }
                    case Number n -> sheet.value(r + 2, c, n);
                    default -> throw new IllegalStateException();
                }
            }
        }
        sheet.range(2, 0, 3, 0).merge(); // the building cell spans both rows of the household
        book.finish();

        var id = upload(staffA, a.id(), "表格.xlsx", out.toByteArray());
        assertThat(status(jdbc, id)).isEqualTo("INVALID");
        var html = page(id, "zh_CN");
        // row 4: the merged building cell reads as empty; row 5: the ID number was a number in Excel
        assertThat(rowsShown(html)).isEqualTo(2);
        assertThat(html).contains("data-row=\"4\"", "data-row=\"5\"", "必填，不能为空", "身份证号被 Excel 存成了数字");
        assertThat(html).doesNotContain("data-row=\"3\"");
        assertThat(Pattern.compile("数据行").matcher(html).find()).isTrue();
    }

    @Test
    void theTemplatesDownloadAndAreThemselvesValidSheets() throws Exception {
        var form = mvc.perform(get("/registry/import").with(user(staffA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("href=\"/registry/import\"", "导入登记表", "/registry/import/template.xlsx",
                "enctype=\"multipart/form-data\"", "身份证号");
        var csvTemplate = mvc.perform(get("/registry/import/template.csv").with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var text = new String(csvTemplate, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF楼栋,室号,姓名,性别,出生日期,身份证号,手机号,与户主关系,居住类型,迁入日期,困难类型,残疾等级,需求备注")
                .contains("张三", "李四");
        var xlsxTemplate = mvc.perform(get("/registry/import/template.xlsx").param("lang", "en").with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        for (var template : List.of(csvTemplate, xlsxTemplate)) {
            var id = upload(staffA, a.id(), "template", template);
            assertThat(status(jdbc, id)).as(() -> jdbc.sql(
                    "select row_no || ' ' || column_name || ' ' || message_key from registry_import_problem where import_id = :id")
                    .param("id", id).query(String.class).list().toString()).isEqualTo("READY");
            assertThat(jdbc.sql("select households * 1000 + total_rows from registry_import where id = :id")
                    .param("id", id).query(Integer.class).single()).isEqualTo(1002);
        }
    }
}
