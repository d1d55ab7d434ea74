// The one unit-test executable: every suite under tests/unit links into it.
#define BOOST_TEST_MODULE plancheck
#include <boost/test/unit_test.hpp>
