module.exports = { projects: ['<rootDir>/libs/*', '<rootDir>/services/*'] };
