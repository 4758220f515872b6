import Testing
@testable import NianbaoCore

extension SavingTests {
    @Suite struct AutosavePolicyTests {
        @Test func dueAfterIdleDelay() {
            var policy = AutosavePolicy()
            #expect(!policy.tick(at: 100))
            let first = policy.edit(at: 10.0)
            let second = policy.edit(at: 10.5)
            #expect(!first && !second)
            #expect(policy.nextDeadline == 12.0)
            #expect(!policy.tick(at: 11.9))
            #expect(policy.tick(at: 12.0))
            policy.didWrite()
            #expect(!policy.tick(at: 20))
            #expect(policy.nextDeadline == nil)
        }

        @Test func dueAfterFortyEditsWhileTyping() {
            var policy = AutosavePolicy()
            var time = 0.0
            for _ in 1..<40 {
                let due = policy.edit(at: time)
                #expect(!due)
                time += 0.1
            }
            let fortieth = policy.edit(at: time)
            #expect(fortieth)
            #expect(policy.tick(at: time + 0.01))
            policy.didWrite()
            #expect(policy.pendingEdits == 0)
            let afterWrite = policy.edit(at: time + 0.2)
            #expect(!afterWrite)
        }

        @Test func staysDueUntilWritten() {
            var policy = AutosavePolicy(idleDelay: 2, maximumPendingEdits: 5)
            policy.edit(at: 0)
            #expect(policy.tick(at: 2))
            #expect(policy.tick(at: 30))  // a failed write is retried on the next tick
            policy.edit(at: 31)
            #expect(!policy.tick(at: 32))  // typing again postpones the idle write
            #expect(policy.tick(at: 33))
        }
    }
}
