package org.roundtable.partnerships.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;

/** Matches a {@link DomainException} of one problem type. */
final class DomainExceptionMatcher extends TypeSafeMatcher<DomainException> {

    private final ProblemType type;

    private DomainExceptionMatcher(ProblemType type) {
        this.type = type;
    }

    static Matcher<DomainException> refusedAs(ProblemType type) {
        return new DomainExceptionMatcher(type);
    }

    @Override
    protected boolean matchesSafely(DomainException exception) {
        return exception.type() == type;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a DomainException of type ").appendValue(type);
    }

    @Override
    protected void describeMismatchSafely(DomainException exception, Description description) {
        description.appendText("was of type ").appendValue(exception.type()).appendText(": ").appendText(exception.getMessage());
    }
}
