package org.liandong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Conventions Spring Modulith cannot express (STYLE.md). */
@AnalyzeClasses(packages = "org.liandong", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule namesSpeakTheDomain = noClasses().should()
            .haveSimpleNameEndingWith("Impl").orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Helper").orShould().haveSimpleNameEndingWith("Entity")
            .because("classes are named for what they are in the domain");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().notBePublic()
            .because("web controllers are internals of their module, never its API");

    @ArchTest
    static final ArchRule noJpa = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("persistence is Spring Data JDBC and plain SQL");

    @ArchTest
    static final ArchRule noSystemOut = noClasses().that().resideOutsideOfPackage("org.liandong.demo..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the application logs through SLF4J (the demo prints its logins on purpose)");
}
